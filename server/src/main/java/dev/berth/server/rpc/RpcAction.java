package dev.berth.server.rpc;

/** One action of the RPC API: parses its parameters, calls a facade, answers (STYLE.md, shape 10). */
@FunctionalInterface
public interface RpcAction {
    RpcAnswer run(RpcCall call);
}
