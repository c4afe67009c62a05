package dev.berth.server.rpc;

import dev.berth.server.rpc.error.RpcError;
import dev.berth.server.rpc.error.RpcErrorCode;
import java.util.Objects;

/** An action refuses a call with an error of the catalog; the endpoint renders it. */
public final class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient RpcError error;

    public RpcException(RpcError error) {
        super(error.message());
        this.error = Objects.requireNonNull(error, "error");
    }

    public static RpcException of(RpcErrorCode code, String message) {
        return new RpcException(RpcError.of(code, message));
    }

    public static RpcException of(RpcErrorCode family, String name, String message) {
        return new RpcException(RpcError.of(family, name, message));
    }

    public RpcError error() {
        return error;
    }
}
