package dev.berth.server.registry;

import dev.berth.registry.RegistryException;

/** The {@code /v2} edge's one mapping of registry refusals to its catalog. */
public final class OciErrors {
    private OciErrors() {
    }

    public static OciError toOci(RegistryException e) {
        OciErrorCode code = switch (e.problem()) {
            case NAME_INVALID -> OciErrorCode.NAME_INVALID;
            case NAME_UNKNOWN, NAMESPACE_UNKNOWN, INSTANCE_UNKNOWN -> OciErrorCode.NAME_UNKNOWN;
            case TAG_INVALID -> OciErrorCode.TAG_INVALID;
            case DIGEST_INVALID -> OciErrorCode.DIGEST_INVALID;
            case BLOB_UNKNOWN -> OciErrorCode.BLOB_UNKNOWN;
            case BLOB_UPLOAD_INVALID -> OciErrorCode.BLOB_UPLOAD_INVALID;
            case BLOB_UPLOAD_UNKNOWN -> OciErrorCode.BLOB_UPLOAD_UNKNOWN;
            case RANGE_INVALID -> OciErrorCode.RANGE_INVALID;
            case MANIFEST_INVALID -> OciErrorCode.MANIFEST_INVALID;
            case MANIFEST_UNKNOWN -> OciErrorCode.MANIFEST_UNKNOWN;
            case MANIFEST_BLOB_UNKNOWN -> OciErrorCode.MANIFEST_BLOB_UNKNOWN;
            case MANIFEST_TOO_LARGE -> OciErrorCode.MANIFEST_TOO_LARGE;
            case SIZE_INVALID -> OciErrorCode.SIZE_INVALID;
            case TAG_IMMUTABLE -> OciErrorCode.TAG_IMMUTABLE;
            case UNSUPPORTED -> OciErrorCode.UNSUPPORTED;
            case QUOTA_EXCEEDED -> OciErrorCode.QUOTA_EXCEEDED;
            case DELETE_CONFLICT, ALREADY_EXISTS -> OciErrorCode.DELETE_CONFLICT;
            case PARAMETER_INVALID -> OciErrorCode.REQUEST_INVALID;
            case PAGINATION_INVALID -> OciErrorCode.PAGINATION_NUMBER_INVALID;
            case TOO_MANY_UPLOADS -> OciErrorCode.TOOMANYREQUESTS;
        };
        return OciError.of(code, e.getMessage());
    }
}
