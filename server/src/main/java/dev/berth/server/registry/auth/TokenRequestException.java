package dev.berth.server.registry.auth;

import java.util.Objects;

/** A token request the endpoint cannot read: a parameter missing, repeated or wrong, an unsupported method. */
final class TokenRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final TokenErrorCode code;

    TokenRequestException(TokenErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    static TokenRequestException invalid(String message) {
        return new TokenRequestException(TokenErrorCode.INVALID_REQUEST, message);
    }

    TokenErrorCode code() {
        return code;
    }
}
