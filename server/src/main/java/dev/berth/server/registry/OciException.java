package dev.berth.server.registry;

import java.util.Objects;

/** Thrown inside the {@code /v2} edge to answer with an {@link OciError}. */
public final class OciException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient OciError error;

    public OciException(OciError error) {
        super(error.message());
        this.error = Objects.requireNonNull(error, "error");
    }

    public static OciException of(OciErrorCode code, String message) {
        return new OciException(OciError.of(code, message));
    }

    public OciError error() {
        return error;
    }
}
