package dev.berth.server.rpc;

import dev.berth.policy.value.ActionName;
import dev.berth.policy.value.ResourceArn;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One row of the RPC table: an action, the RAM action and resource it is authorized on (none for
 * the few actions everyone may call), and what runs it (iam-api.md section 2).
 */
public record RpcRoute(String name, Optional<ActionName> permission, Function<RpcCall, List<ResourceArn>> resources,
                       RpcAction action) {
    public RpcRoute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(action, "action");
    }

    /** An action authorized as {@code <service>:<name>} on the resource the function names. */
    public static RpcRoute authorized(Product product, String name, Function<RpcCall, ResourceArn> resource, RpcAction action) {
        return new RpcRoute(name, Optional.of(ActionName.of(product.service() + ":" + name)), call -> List.of(resource.apply(call)),
                action);
    }

    /** An action authorized on every one of several resources ({@code Attach*}: the principal and the policy). */
    public static RpcRoute authorizedOnEach(Product product, String name, Function<RpcCall, List<ResourceArn>> resources,
                                            RpcAction action) {
        return new RpcRoute(name, Optional.of(ActionName.of(product.service() + ":" + name)), resources, action);
    }

    /** An action anyone who signs may call ({@code GetCallerIdentity}). */
    public static RpcRoute open(String name, RpcAction action) {
        return new RpcRoute(name, Optional.empty(), call -> List.of(), action);
    }
}
