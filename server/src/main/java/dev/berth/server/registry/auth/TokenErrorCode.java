package dev.berth.server.registry.auth;

/** The error codes of the token endpoint, with their HTTP status; bodies are {@code {"errors": [{"code", "message"}]}} as Docker clients read them. */
public enum TokenErrorCode {
    INVALID_REQUEST(400),
    UNAUTHORIZED(401),
    UNSUPPORTED(405),
    /** A form body that arrived too slowly or stalled (ours: the HTTP status says it). */
    REQUEST_TIMEOUT(408),
    TOOMANYREQUESTS(429),
    UNKNOWN(500);

    private final int status;

    TokenErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
