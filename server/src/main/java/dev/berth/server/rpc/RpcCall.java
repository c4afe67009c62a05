package dev.berth.server.rpc;

import dev.berth.server.rpc.error.RpcErrorCode;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import dev.berth.server.rpc.signature.SignedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An authenticated call: who signed it (with the session policy of a role session), the identity
 * generation the caller was read at (its policies are read at it too), its parameters, and when it arrived.
 */
public record RpcCall(Principal caller, Optional<String> sessionPolicy, long identityGeneration, String accessKeyId,
                      SignedRequest request, Instant receivedAt, Optional<String> sourceAddress, boolean secure) {
    public RpcCall {
        Objects.requireNonNull(sessionPolicy, "sessionPolicy");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
    }

    /** The account the caller belongs to: every action works in it and only in it. */
    public AccountId callerAccount() {
        return Principals.account(caller).orElseThrow(() -> RpcException.of(RpcErrorCode.NO_PERMISSION,
                (caller instanceof Principal.Service ? "a service" : "a federated session") + " cannot call this API"));
    }

    /** A parameter that may be absent; an empty value counts as absent (the Tea SDKs send, but do not sign, empty values). */
    public Optional<String> nonEmpty(String name) {
        return optional(name).filter(value -> !value.isEmpty());
    }

    /** A parameter sent once; {@code MissingParameter.<Name>} when absent, {@code InvalidParameter.<Name>} when repeated. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> RpcException.of(RpcErrorCode.MISSING_PARAMETER, name,
                "parameter `" + name + "` is required"));
    }

    public Optional<String> optional(String name) {
        List<String> values = request.parameterValues(name);
        if (values.size() > 1) {
            throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, name, "parameter `" + name + "` is given more than once");
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
