package dev.berth.server.rpc;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The table from (product, action name) to action: the one place that lists what the RPC API serves. */
public final class RpcActions {
    private final Map<Product, Map<String, RpcAction>> actions;

    public RpcActions(Map<Product, Map<String, RpcAction>> actions) {
        this.actions = Map.copyOf(Objects.requireNonNull(actions, "actions"));
    }

    public Optional<RpcAction> find(Product product, String name) {
        return Optional.ofNullable(actions.getOrDefault(product, Map.of()).get(name));
    }
}
