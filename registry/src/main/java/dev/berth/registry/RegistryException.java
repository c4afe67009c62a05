package dev.berth.registry;

import java.util.Objects;

/**
 * A request the registry refuses, in protocol-neutral terms: a {@link Problem} and a message saying
 * what and where. The {@code /v2} edge maps each problem to its OCI error code and HTTP status.
 */
public final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Problem problem;

    public RegistryException(Problem problem, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }

    /** What went wrong; the comment names the OCI code it corresponds to. */
    public enum Problem {
        /** A repository name that breaks its grammar ({@code NAME_INVALID}). */
        NAME_INVALID,
        /** No such repository, and none may be made for this request ({@code NAME_UNKNOWN}). */
        NAME_UNKNOWN,
        /** A tag that breaks its grammar ({@code TAG_INVALID}). */
        TAG_INVALID,
        /** A digest that is malformed, of an unknown algorithm, or that the bytes do not have ({@code DIGEST_INVALID}). */
        DIGEST_INVALID,
        /** The repository does not see that blob ({@code BLOB_UNKNOWN}). */
        BLOB_UNKNOWN,
        /** The upload session cannot take this request now ({@code BLOB_UPLOAD_INVALID}). */
        BLOB_UPLOAD_INVALID,
        /** No such upload session in this repository, or it has ended ({@code BLOB_UPLOAD_UNKNOWN}). */
        BLOB_UPLOAD_UNKNOWN,
        /** A chunk that does not start where the upload ends, or does not fill its range (HTTP 416). */
        RANGE_INVALID,
        /** A body longer than the size declared for it ({@code SIZE_INVALID}). */
        SIZE_INVALID,
        /** A manifest that is not valid JSON of a supported shape ({@code MANIFEST_INVALID}). */
        MANIFEST_INVALID,
        /** No such manifest or tag in the repository ({@code MANIFEST_UNKNOWN}). */
        MANIFEST_UNKNOWN,
        /** A manifest names a blob or child manifest the repository lacks ({@code MANIFEST_BLOB_UNKNOWN}). */
        MANIFEST_BLOB_UNKNOWN,
        /** A manifest over 4 MiB (HTTP 413, {@code SIZE_INVALID} or {@code MANIFEST_INVALID} body). */
        MANIFEST_TOO_LARGE,
        /** A manifest media type the registry does not store ({@code UNSUPPORTED}, HTTP 415). */
        UNSUPPORTED,
        /** A tag that tag immutability forbids to move ({@code TAG_INVALID} or {@code DENIED}: the lead decides). */
        TAG_IMMUTABLE,
        /** Making the repository would exceed the instance's repository quota ({@code DENIED}). */
        QUOTA_EXCEEDED,
        /** The repository has as many open upload sessions as it may ({@code TOOMANYREQUESTS}, HTTP 429). */
        TOO_MANY_UPLOADS,
        /** A manifest still listed by an index of the repository cannot be deleted ({@code DENIED} or 409). */
        DELETE_CONFLICT,
        /** A page size {@code n} or a {@code last} the listing cannot use ({@code PAGINATION_NUMBER_INVALID}, 400). */
        PAGINATION_INVALID,
        /** No instance of that id in the caller's account (the Container Registry API). */
        INSTANCE_UNKNOWN,
        /** No namespace of that name in the instance (the Container Registry API). */
        NAMESPACE_UNKNOWN,
        /** A namespace, repository or instance name that is taken. */
        ALREADY_EXISTS,
        /** An API parameter out of its bounds. */
        PARAMETER_INVALID
    }
}
