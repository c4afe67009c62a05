package dev.berth.server.rpc.error;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every error code of the RPC edge (iam-api.md sections 3 and 4) with its HTTP status, the one
 * catalog the whole RPC API writes from (STYLE.md, shape 6).
 *
 * <p>A constant is either an exact code ({@code SignatureDoesNotMatch}) or a family whose wire code
 * is the family, a dot and a name ({@code InvalidParameter.RoleSessionName},
 * {@code EntityNotExist.Role}); {@link RpcError} carries that name. Statuses follow the families of
 * section 3: 400 for the request's own faults, 403 for credentials and permissions, 404 for unknown
 * entities, actions and versions, 409 for conflicts with the stored state, 500 for our own faults.
 */
public enum RpcErrorCode {
    /** A parameter is present but malformed: {@code InvalidParameter.<Name>}. */
    INVALID_PARAMETER("InvalidParameter", Shape.FAMILY, 400),
    /** A required parameter is absent: {@code MissingParameter.<Name>}. */
    MISSING_PARAMETER("MissingParameter", Shape.FAMILY, 400),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", Shape.EXACT, 400),
    /** The signed time is more than 15 minutes from the server's (ours: 400, as Alibaba answers). */
    INVALID_TIMESTAMP_EXPIRED("InvalidTimeStamp.Expired", Shape.EXACT, 400),
    /** The nonce was seen in the last 15 minutes (ours: 400, as Alibaba answers). */
    SIGNATURE_NONCE_USED("SignatureNonceUsed", Shape.EXACT, 400),
    /** Too many requests for the server to remember their nonces (ours: Alibaba's code and status). */
    THROTTLING_USER("Throttling.User", Shape.EXACT, 400),
    /** The request body arrived too slowly or stalled (ours: the HTTP status says it, 408). */
    REQUEST_TIMEOUT("RequestTimeout", Shape.EXACT, 408),
    NO_PERMISSION("NoPermission", Shape.EXACT, 403),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", Shape.EXACT, 403),
    INVALID_ACCESS_KEY_ID_NOT_FOUND("InvalidAccessKeyId.NotFound", Shape.EXACT, 403),
    INVALID_ACCESS_KEY_ID_INACTIVE("InvalidAccessKeyId.Inactive", Shape.EXACT, 403),
    /** An STS token past its expiry (ours: 403, a credential fault like {@code InvalidAccessKeyId.*}). */
    INVALID_SECURITY_TOKEN_EXPIRED("InvalidSecurityToken.Expired", Shape.EXACT, 403),
    /** An STS token that is unknown or unreadable (ours: 403, as above). */
    INVALID_SECURITY_TOKEN_MALFORMED("InvalidSecurityToken.Malformed", Shape.EXACT, 403),
    /** {@code EntityNotExist.User}, {@code EntityNotExist.Role}, ... */
    ENTITY_NOT_EXIST("EntityNotExist", Shape.FAMILY, 404),
    INVALID_ACTION_NOT_FOUND("InvalidAction.NotFound", Shape.EXACT, 404),
    INVALID_VERSION("InvalidVersion", Shape.EXACT, 404),
    /** {@code EntityAlreadyExists.User}, ... */
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", Shape.FAMILY, 409),
    /** {@code DeleteConflict.User.AccessKey}, ... */
    DELETE_CONFLICT("DeleteConflict", Shape.FAMILY, 409),
    /** {@code LimitExceeded.User}, ... */
    LIMIT_EXCEEDED("LimitExceeded", Shape.FAMILY, 409),
    /** Our fault; its message carries nothing of the cause (the log has it, by RequestId). */
    INTERNAL_ERROR("InternalError", Shape.EXACT, 500);

    /** Whether the wire code is the code itself or the code, a dot and a name. */
    public enum Shape {
        EXACT,
        FAMILY
    }

    private final String code;
    private final Shape shape;
    private final int httpStatus;

    RpcErrorCode(String code, Shape shape, int httpStatus) {
        this.code = code;
        this.shape = shape;
        this.httpStatus = httpStatus;
    }

    /** The exact code, or the family's prefix without its dot. */
    public String code() {
        return code;
    }

    public Shape shape() {
        return shape;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The constant a wire code belongs to: an exact code first, then the family of its prefix
     * ({@code InvalidParameter.RoleSessionName} is {@link #INVALID_PARAMETER}).
     */
    public static Optional<RpcErrorCode> of(String wireCode) {
        Optional<RpcErrorCode> exact = Arrays.stream(values())
                .filter(value -> value.shape == Shape.EXACT && value.code.equals(wireCode))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return Arrays.stream(values())
                .filter(value -> value.shape == Shape.FAMILY && wireCode.startsWith(value.code + ".")
                        && RpcError.isValidName(wireCode.substring(value.code.length() + 1)))
                .findFirst();
    }
}
