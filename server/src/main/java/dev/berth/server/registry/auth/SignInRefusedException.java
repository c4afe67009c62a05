package dev.berth.server.registry.auth;

import java.util.Objects;

/** A sign-in or a token refused; the message says why, without naming a secret or revealing whether an identity exists. */
public final class SignInRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why. Each edge maps it to its own catalog (the token endpoint: 401 or 429). */
    public enum Reason {
        /** A user name and password that match no identity. */
        WRONG_CREDENTIALS,
        /** A token that is malformed, forged, expired, not yet valid, of another kind or for another service. */
        INVALID_TOKEN,
        /** A token whose identity no longer holds: deleted, key inactive, password changed, session ended. */
        REVOKED,
        /** Too many wrong passwords for one identity lately. */
        THROTTLED
    }

    private final Reason reason;

    public SignInRefusedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
