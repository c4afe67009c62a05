package dev.berth.server.rpc.ram;

import dev.berth.iam.service.AccountAliases;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcRoute;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** RAM {@code SetAccountAlias}, {@code GetAccountAlias}, {@code ClearAccountAlias}. */
public final class AccountActions {
    private final AccountAliases aliases;

    public AccountActions(AccountAliases aliases) {
        this.aliases = Objects.requireNonNull(aliases, "aliases");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorized(Product.RAM, "SetAccountAlias", RamParameters::accountResource, this::set),
                RpcRoute.authorized(Product.RAM, "GetAccountAlias", RamParameters::accountResource, this::get),
                RpcRoute.authorized(Product.RAM, "ClearAccountAlias", RamParameters::accountResource, this::clear));
    }

    private RpcAnswer set(RpcCall call) {
        aliases.set(RamParameters.account(call), Optional.of(call.required("AccountAlias")));
        return RpcAnswer.builder().build();
    }

    private RpcAnswer get(RpcCall call) {
        return RpcAnswer.builder().put("AccountAlias", aliases.find(RamParameters.account(call)).orElse("")).build();
    }

    private RpcAnswer clear(RpcCall call) {
        aliases.set(RamParameters.account(call), Optional.empty());
        return RpcAnswer.builder().build();
    }
}
