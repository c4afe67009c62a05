package dev.berth.server.rpc.signature;

import dev.berth.server.rpc.error.RpcError;
import dev.berth.server.rpc.error.RpcErrorCode;

/** Why a request's signature is refused; thrown inside this package, answered as a {@link Authentication.Refused}. */
final class SigningRefusal extends Exception {
    private final transient RpcError error;

    SigningRefusal(RpcError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    RpcError error() {
        return error;
    }

    static SigningRefusal missing(String name) {
        return new SigningRefusal(RpcError.of(RpcErrorCode.MISSING_PARAMETER, name, "`" + name + "` is required"));
    }

    static SigningRefusal invalid(String name, String message) {
        return new SigningRefusal(RpcError.of(RpcErrorCode.INVALID_PARAMETER, name, message));
    }
}
