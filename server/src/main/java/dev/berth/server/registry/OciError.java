package dev.berth.server.registry;

import java.util.Objects;
import java.util.Optional;

/** One refusal of the {@code /v2} edge: a catalog code, a message saying what and where, and an optional detail. */
public record OciError(OciErrorCode code, String message, Optional<String> detail) {
    public OciError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detail, "detail");
    }

    public static OciError of(OciErrorCode code, String message) {
        return new OciError(code, message, Optional.empty());
    }
}
