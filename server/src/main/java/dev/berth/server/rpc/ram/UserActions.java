package dev.berth.server.rpc.ram;

import dev.berth.iam.user.RamUser;
import dev.berth.iam.service.Users;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcRoute;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** RAM {@code CreateUser}, {@code GetUser}, {@code UpdateUser}, {@code DeleteUser}, {@code ListUsers}. */
public final class UserActions {
    private final Users users;

    public UserActions(Users users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorized(Product.RAM, "CreateUser", call -> RamParameters.userResource(call, "UserName"), this::create),
                RpcRoute.authorized(Product.RAM, "GetUser", call -> RamParameters.userResource(call, "UserName"), this::get),
                RpcRoute.authorized(Product.RAM, "UpdateUser", call -> RamParameters.userResource(call, "UserName"), this::update),
                RpcRoute.authorized(Product.RAM, "DeleteUser", call -> RamParameters.userResource(call, "UserName"), this::delete),
                RpcRoute.authorized(Product.RAM, "ListUsers", RamParameters::accountResource, this::list));
    }

    private RpcAnswer create(RpcCall call) {
        RamUser user = users.create(RamParameters.account(call), RamParameters.userName(call, "UserName"),
                RamParameters.fields(call, ""), call.receivedAt());
        return RpcAnswer.builder().put("User", RamAnswers.user(user)).build();
    }

    private RpcAnswer get(RpcCall call) {
        return RpcAnswer.builder()
                .put("User", RamAnswers.user(users.find(RamParameters.account(call), RamParameters.userName(call, "UserName"))))
                .build();
    }

    private RpcAnswer update(RpcCall call) {
        RamUser user = users.update(RamParameters.account(call), RamParameters.userName(call, "UserName"),
                RamParameters.optionalUserName(call, "NewUserName"), RamParameters.fields(call, "New"), call.receivedAt());
        return RpcAnswer.builder().put("User", RamAnswers.user(user)).build();
    }

    private RpcAnswer delete(RpcCall call) {
        users.delete(RamParameters.account(call), RamParameters.userName(call, "UserName"));
        return RpcAnswer.builder().build();
    }

    private RpcAnswer list(RpcCall call) {
        Users.Page page = users.list(RamParameters.account(call), call.nonEmpty("Marker"), RamParameters.maxItems(call));
        return RpcAnswer.builder()
                .put("IsTruncated", page.marker().isPresent())
                .put("Marker", page.marker().orElse(""))
                .put("Users", Map.of("User", page.users().stream().map(RamAnswers::user).toList()))
                .build();
    }
}
