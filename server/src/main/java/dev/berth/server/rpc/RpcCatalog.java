package dev.berth.server.rpc;

import dev.berth.server.rpc.sts.GetCallerIdentity;
import java.util.Map;

/** Every action the RPC API serves, by product (iam-api.md section 4). */
public final class RpcCatalog {
    private RpcCatalog() {
    }

    public static RpcActions actions() {
        return new RpcActions(Map.of(
                Product.STS, Map.of("GetCallerIdentity", new GetCallerIdentity())));
    }
}
