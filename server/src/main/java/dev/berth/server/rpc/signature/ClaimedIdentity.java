package dev.berth.server.rpc.signature;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Who a request says signed it, and when and with which nonce, before any of it is verified. */
record ClaimedIdentity(AccessKeyId accessKeyId, Optional<SecurityToken> securityToken, String nonce, Instant signedAt) {
    /** The longest nonce kept: an SDK's is a UUID or a 32-character hash. */
    static final int MAX_NONCE_LENGTH = 256;

    ClaimedIdentity {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(securityToken, "securityToken");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signedAt, "signedAt");
    }

    static AccessKeyId accessKeyId(String text, String name) throws SigningRefusal {
        try {
            return new AccessKeyId(text);
        } catch (IllegalArgumentException e) {
            throw SigningRefusal.invalid(name, "malformed access key id `" + text + "`");
        }
    }

    static String nonce(String text, String name) throws SigningRefusal {
        if (text.length() > MAX_NONCE_LENGTH || !text.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw SigningRefusal.invalid(name, "`" + name + "` must be 1 to " + MAX_NONCE_LENGTH + " printable characters");
        }
        return text;
    }

    static Optional<SecurityToken> securityToken(Optional<String> text) {
        return text.filter(value -> !value.isEmpty()).map(SecurityToken::new);
    }
}
