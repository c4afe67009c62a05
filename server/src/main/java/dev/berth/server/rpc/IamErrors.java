package dev.berth.server.rpc;

import dev.berth.iam.IamException;
import dev.berth.server.rpc.error.RpcError;
import dev.berth.server.rpc.error.RpcErrorCode;

/** The RPC edge's one mapping of identity refusals to its catalog. */
final class IamErrors {
    private IamErrors() {
    }

    static RpcError toRpc(IamException e) {
        if (e.kind() == IamException.Kind.MALFORMED_POLICY_DOCUMENT) {
            return RpcError.of(RpcErrorCode.MALFORMED_POLICY_DOCUMENT, e.getMessage());
        }
        if (e.kind() == IamException.Kind.NOT_PERMITTED) {
            return RpcError.of(RpcErrorCode.NO_PERMISSION, e.getMessage());
        }
        if (e.kind() == IamException.Kind.THROTTLED) {
            return RpcError.of(RpcErrorCode.THROTTLING_USER, e.getMessage());
        }
        RpcErrorCode family = switch (e.kind()) {
            case NOT_FOUND -> RpcErrorCode.ENTITY_NOT_EXIST;
            case ALREADY_EXISTS -> RpcErrorCode.ENTITY_ALREADY_EXISTS;
            case LIMIT_EXCEEDED -> RpcErrorCode.LIMIT_EXCEEDED;
            case DELETE_CONFLICT -> RpcErrorCode.DELETE_CONFLICT;
            case INVALID -> RpcErrorCode.INVALID_PARAMETER;
            case MALFORMED_POLICY_DOCUMENT -> RpcErrorCode.MALFORMED_POLICY_DOCUMENT;
            case NOT_PERMITTED -> RpcErrorCode.NO_PERMISSION;
            case THROTTLED -> RpcErrorCode.THROTTLING_USER;
        };
        return RpcError.of(family, e.subject(), e.getMessage());
    }
}
