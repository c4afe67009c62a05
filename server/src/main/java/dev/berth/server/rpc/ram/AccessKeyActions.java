package dev.berth.server.rpc.ram;

import dev.berth.iam.service.AccessKeys;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** RAM {@code CreateAccessKey}, {@code UpdateAccessKey}, {@code DeleteAccessKey}, {@code ListAccessKeys}. */
public final class AccessKeyActions {
    private final AccessKeys keys;

    public AccessKeyActions(AccessKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorized(Product.RAM, "CreateAccessKey", RamParameters::userOrAccountResource, this::create),
                RpcRoute.authorized(Product.RAM, "UpdateAccessKey", RamParameters::userOrAccountResource, this::update),
                RpcRoute.authorized(Product.RAM, "DeleteAccessKey", RamParameters::userOrAccountResource, this::delete),
                RpcRoute.authorized(Product.RAM, "ListAccessKeys", RamParameters::userOrAccountResource, this::list));
    }

    private RpcAnswer create(RpcCall call) {
        AccessKeys.Created created = keys.create(RamParameters.account(call), RamParameters.optionalUserName(call, "UserName"),
                call.receivedAt());
        Map<String, Object> key = new LinkedHashMap<>(RamAnswers.accessKey(created.key()));
        key.put("AccessKeySecret", created.secret());
        return RpcAnswer.builder().put("AccessKey", key).build();
    }

    private RpcAnswer update(RpcCall call) {
        keys.updateStatus(RamParameters.account(call), RamParameters.optionalUserName(call, "UserName"),
                RamParameters.accessKeyId(call, "UserAccessKeyId"), RamParameters.status(call));
        return RpcAnswer.builder().build();
    }

    private RpcAnswer delete(RpcCall call) {
        keys.delete(RamParameters.account(call), RamParameters.optionalUserName(call, "UserName"),
                RamParameters.accessKeyId(call, "UserAccessKeyId"));
        return RpcAnswer.builder().build();
    }

    private RpcAnswer list(RpcCall call) {
        List<Map<String, Object>> list = keys.list(RamParameters.account(call), RamParameters.optionalUserName(call, "UserName"))
                .stream().map(RamAnswers::accessKey).toList();
        return RpcAnswer.builder().put("AccessKeys", Map.of("AccessKey", list)).build();
    }
}
