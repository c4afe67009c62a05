package dev.berth.server.rpc.signature;

import dev.berth.server.rpc.error.RpcError;
import dev.berth.server.rpc.error.RpcErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The signature check of the RPC edge (iam-api.md section 3): finds which signature a request uses,
 * reads what it claims, and verifies it, in this order: the signing parameters are present and well
 * formed; the signed time is within 15 minutes of {@code now}, either way; the key exists; the
 * signature matches; the nonce is new. A nonce is remembered only once its request's signature is
 * verified, so that no one can spend another's nonces. Pure but for the two ports: no clock.
 */
public final class RequestAuthenticator {
    /** How far the signed time may be from the server's, either way. */
    public static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(15);

    private final SecretLookup secrets;
    private final NonceRegistry nonces;

    public RequestAuthenticator(SecretLookup secrets, NonceRegistry nonces) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    public Authentication authenticate(SignedRequest request, Instant now) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(now, "now");
        try {
            return verify(read(request), now);
        } catch (SigningRefusal refusal) {
            return new Authentication.Refused(refusal.error());
        }
    }

    /**
     * V3 when the {@code Authorization} header names an {@code ACS3-} algorithm; otherwise V1, whose
     * absent parameters are then reported, unless the request has none of V1's parameters but another
     * {@code Authorization} scheme.
     */
    private static SignatureClaim read(SignedRequest request) throws SigningRefusal {
        if (SignatureV3.isClaimedBy(request.headers())) {
            return SignatureV3.read(request);
        }
        boolean looksLikeV1 = request.parameters().anyMatch(entry -> entry.getKey().equals(SignatureV1.SIGNATURE)
                || entry.getKey().equals(SignatureV1.ACCESS_KEY_ID) || entry.getKey().equals(SignatureV1.SIGNATURE_METHOD));
        if (!looksLikeV1 && !request.headerValues(Acs3Authorization.HEADER).isEmpty()) {
            String scheme = request.headerValues(Acs3Authorization.HEADER).getFirst().strip().split(" ", 2)[0];
            throw SigningRefusal.invalid("Authorization", "unsupported authorization scheme `" + scheme + "`");
        }
        return SignatureV1.read(request);
    }

    private Authentication verify(SignatureClaim claim, Instant now) throws SigningRefusal {
        ClaimedIdentity identity = claim.identity();
        if (Duration.between(identity.signedAt(), now).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
            throw refusal(RpcErrorCode.INVALID_TIMESTAMP_EXPIRED, "signed time `" + SigningTime.format(identity.signedAt())
                    + "` is more than 15 minutes from the server's `" + SigningTime.format(now) + "`");
        }
        AccessKeySecret secret = secrets.secretOf(identity.accessKeyId()).orElseThrow(() -> refusal(
                RpcErrorCode.INVALID_ACCESS_KEY_ID_NOT_FOUND, "access key `" + identity.accessKeyId() + "` is not found"));
        boolean matches = switch (claim) {
            case SignatureClaim.V1 v1 -> SignatureV1.matches(v1, secret);
            case SignatureClaim.V3 v3 -> SignatureV3.matches(v3, secret);
        };
        if (!matches) {
            throw refusal(RpcErrorCode.SIGNATURE_DOES_NOT_MATCH, mismatch(claim));
        }
        switch (nonces.register(identity.accessKeyId(), identity.nonce(), identity.signedAt(), now)) {
            case FIRST_USE -> {
            }
            case SEEN_BEFORE -> throw refusal(RpcErrorCode.SIGNATURE_NONCE_USED, "nonce `" + identity.nonce() + "` was used before");
            case FULL -> throw refusal(RpcErrorCode.THROTTLING_USER, "too many requests to remember their nonces, try again later");
        }
        return new Authentication.Verified(identity.accessKeyId(), identity.securityToken(), claim.version());
    }

    /** The message of {@code SignatureDoesNotMatch}: what the server signed, for the client's author to compare. */
    private static String mismatch(SignatureClaim claim) {
        return switch (claim) {
            case SignatureClaim.V1 v1 -> "signature does not match, the server signed `" + v1.stringsToSign().getFirst() + "`";
            case SignatureClaim.V3 v3 -> "signature does not match, the server signed `" + SignatureV3.stringToSign(v3.canonicalRequest())
                    + "`, the hash of the canonical request `" + v3.canonicalRequest() + "`";
        };
    }

    private static SigningRefusal refusal(RpcErrorCode code, String message) {
        return new SigningRefusal(RpcError.of(code, message));
    }
}
