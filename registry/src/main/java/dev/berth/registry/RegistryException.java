package dev.berth.registry;

import java.util.Objects;

/**
 * A refusal of the registry domain, protocol-neutral: each edge maps {@link Problem} to its own catalog
 * (OCI codes on {@code /v2}, RPC codes on the Container Registry API). The message says what and where.
 */
public final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of refusal. */
    public enum Problem {
        NAME_INVALID,
        NAME_UNKNOWN,
        TAG_INVALID,
        DIGEST_INVALID,
        BLOB_UNKNOWN,
        BLOB_UPLOAD_INVALID,
        BLOB_UPLOAD_UNKNOWN,
        RANGE_INVALID,
        MANIFEST_INVALID,
        MANIFEST_UNKNOWN,
        MANIFEST_BLOB_UNKNOWN,
        MANIFEST_TOO_LARGE,
        SIZE_INVALID,
        TAG_IMMUTABLE,
        UNSUPPORTED,
        QUOTA_EXCEEDED,
        DELETE_CONFLICT,
        INSTANCE_UNKNOWN,
        NAMESPACE_UNKNOWN,
        ALREADY_EXISTS,
        PARAMETER_INVALID
    }

    private final Problem problem;

    public RegistryException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
