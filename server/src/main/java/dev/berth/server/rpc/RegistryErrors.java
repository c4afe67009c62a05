package dev.berth.server.rpc;

import dev.berth.registry.RegistryException;
import dev.berth.server.rpc.error.RpcError;
import dev.berth.server.rpc.error.RpcErrorCode;

/**
 * The RPC edge's one mapping of registry refusals to its catalog (Container Registry API, registry.md
 * section 5): unknown things are {@code EntityNotExist.*}, taken names {@code EntityAlreadyExists.*},
 * quotas {@code LimitExceeded.*}, the rest {@code InvalidParameter.*}.
 */
final class RegistryErrors {
    private RegistryErrors() {
    }

    static RpcError toRpc(RegistryException e) {
        return switch (e.problem()) {
            case INSTANCE_UNKNOWN -> RpcError.of(RpcErrorCode.ENTITY_NOT_EXIST, "Instance", e.getMessage());
            case NAMESPACE_UNKNOWN -> RpcError.of(RpcErrorCode.ENTITY_NOT_EXIST, "Namespace", e.getMessage());
            case NAME_UNKNOWN -> RpcError.of(RpcErrorCode.ENTITY_NOT_EXIST, "Repository", e.getMessage());
            case MANIFEST_UNKNOWN -> RpcError.of(RpcErrorCode.ENTITY_NOT_EXIST, "Tag", e.getMessage());
            case BLOB_UNKNOWN, BLOB_UPLOAD_UNKNOWN, MANIFEST_BLOB_UNKNOWN -> RpcError.of(RpcErrorCode.ENTITY_NOT_EXIST, "Blob",
                    e.getMessage());
            case ALREADY_EXISTS -> RpcError.of(RpcErrorCode.ENTITY_ALREADY_EXISTS, "Registry", e.getMessage());
            case QUOTA_EXCEEDED, TOO_MANY_UPLOADS -> RpcError.of(RpcErrorCode.LIMIT_EXCEEDED, "Registry", e.getMessage());
            case DELETE_CONFLICT, TAG_IMMUTABLE -> RpcError.of(RpcErrorCode.DELETE_CONFLICT, "Registry", e.getMessage());
            case NAME_INVALID -> RpcError.of(RpcErrorCode.INVALID_PARAMETER, "Name", e.getMessage());
            case TAG_INVALID -> RpcError.of(RpcErrorCode.INVALID_PARAMETER, "Tag", e.getMessage());
            case DIGEST_INVALID, BLOB_UPLOAD_INVALID, RANGE_INVALID, MANIFEST_INVALID, MANIFEST_TOO_LARGE, SIZE_INVALID, UNSUPPORTED,
                 PARAMETER_INVALID, PAGINATION_INVALID -> RpcError.of(RpcErrorCode.INVALID_PARAMETER, "Registry", e.getMessage());
        };
    }
}
