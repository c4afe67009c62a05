package dev.berth.server.rpc;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The table from (product, action name) to route: the one place that lists what the RPC API serves. */
public final class RpcActions {
    private final Map<Product, Map<String, RpcRoute>> routes = new EnumMap<>(Product.class);

    public RpcActions(Map<Product, List<RpcRoute>> routesByProduct) {
        routesByProduct.forEach((product, list) -> {
            Map<String, RpcRoute> byName = new LinkedHashMap<>();
            for (RpcRoute route : list) {
                if (byName.put(route.name(), route) != null) {
                    throw new IllegalArgumentException("action `" + route.name() + "` is listed twice for " + product);
                }
            }
            routes.put(product, Map.copyOf(byName));
        });
    }

    public Optional<RpcRoute> find(Product product, String name) {
        return Optional.ofNullable(routes.getOrDefault(product, Map.of()).get(name));
    }
}
