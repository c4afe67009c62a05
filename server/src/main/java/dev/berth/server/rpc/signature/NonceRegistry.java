package dev.berth.server.rpc.signature;

import java.time.Instant;

/**
 * The nonces of verified requests, so that a replay is refused with {@code SignatureNonceUsed}
 * (iam-api.md section 3). Nonces are scoped by AccessKeyId. Time comes from the caller.
 */
public interface NonceRegistry {
    /** What {@link #register} did with a nonce. */
    enum Registration {
        /** Not seen in the retention window: remembered from now on. */
        FIRST_USE,
        /** Seen within the retention window: the request is a replay. */
        SEEN_BEFORE,
        /** The registry holds as many nonces as it may: the nonce cannot be remembered. */
        FULL
    }

    /**
     * Remembers a nonce of a request signed at {@code signedAt}, until the later of {@code signedAt}
     * and {@code now} plus the retention, so that no replay inside the timestamp window passes.
     */
    Registration register(AccessKeyId accessKeyId, String nonce, Instant signedAt, Instant now);
}
