package dev.berth.server.registry.auth;

import java.time.Instant;
import java.util.Objects;

/** A token just signed, with the times it carries. */
public record IssuedToken(TokenKind kind, String value, Instant issuedAt, Instant expiresAt) {
    public IssuedToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IssuedToken[" + kind + ", until " + expiresAt + ", value hidden]";
    }
}
