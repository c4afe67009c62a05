package dev.berth.server.runtime;

import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcActions;
import dev.berth.server.rpc.sts.GetCallerIdentity;
import java.util.Map;

/** Every action the RPC API serves, by product (iam-api.md section 4). */
final class RpcCatalog {
    private RpcCatalog() {
    }

    static RpcActions actions() {
        return new RpcActions(Map.of(
                Product.STS, Map.of("GetCallerIdentity", new GetCallerIdentity())));
    }
}
