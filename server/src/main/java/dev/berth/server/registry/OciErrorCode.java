package dev.berth.server.registry;

/**
 * Every error code of the {@code /v2} edge with its HTTP status (OCI distribution-spec, error codes;
 * registry.md sections 3 and 7): the one catalog the registry edge writes from (STYLE.md, shape 6).
 */
public enum OciErrorCode {
    BLOB_UNKNOWN(404),
    BLOB_UPLOAD_INVALID(400),
    BLOB_UPLOAD_UNKNOWN(404),
    /** A {@code Content-Range} that does not continue the upload (OCI: 416 Requested Range Not Satisfiable). */
    RANGE_INVALID(416, "BLOB_UPLOAD_INVALID"),
    /** A blob {@code Range} past its end (RFC 9110: 416). */
    RANGE_NOT_SATISFIABLE(416, "UNSUPPORTED"),
    DIGEST_INVALID(400),
    MANIFEST_BLOB_UNKNOWN(400),
    MANIFEST_INVALID(400),
    MANIFEST_UNKNOWN(404),
    /** A manifest over 4 MiB (registry.md section 6). */
    MANIFEST_TOO_LARGE(413, "SIZE_INVALID"),
    NAME_INVALID(400),
    NAME_UNKNOWN(404),
    SIZE_INVALID(400),
    /** A tag that breaks the grammar; also a tag that {@code TagImmutability} keeps where it is (ours: 409). */
    TAG_INVALID(400),
    TAG_IMMUTABLE(409, "TAG_INVALID"),
    /** A delete refused because an index of the repository references the manifest (ours: 409). */
    DELETE_CONFLICT(409, "DENIED"),
    /** A repository quota of the instance is used up (ours: 403, Distribution's code for "not allowed"). */
    QUOTA_EXCEEDED(403, "DENIED"),
    /** A page size {@code n} or a {@code last} that cannot be used. */
    PAGINATION_NUMBER_INVALID(400),
    UNAUTHORIZED(401),
    DENIED(403),
    UNSUPPORTED(405),
    /** A request body the server could not read (cut short), or a parameter of an unknown kind. */
    REQUEST_INVALID(400, "UNSUPPORTED"),
    /**
     * A request body that stalled past the connection's idle timeout, or arrived slower than the
     * server's minimum rate (registry.md section 7; RFC 9110: 408).
     */
    REQUEST_TIMEOUT(408, "UNSUPPORTED"),
    TOOMANYREQUESTS(429),
    /** Our own fault; the body carries nothing of the cause. */
    INTERNAL_ERROR(500, "UNKNOWN");

    private final int httpStatus;
    private final String wireCode;

    OciErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
        this.wireCode = name();
    }

    OciErrorCode(int httpStatus, String wireCode) {
        this.httpStatus = httpStatus;
        this.wireCode = wireCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code code} field of the error body. */
    public String wireCode() {
        return wireCode;
    }
}
