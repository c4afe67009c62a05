package dev.berth.server.rpc.signature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Signature V3, {@code ACS3-HMAC-SHA256} (iam-api.md section 3). The canonical request is, joined by
 * {@code \n}: the method; the canonical URI (the path with each segment percent-encoded, {@code /}
 * for RPC); the canonical query of the query string; {@code name:value\n} for each signed header,
 * names lower-case and sorted, values trimmed; the signed header list joined by {@code ;}; and the
 * {@code x-acs-content-sha256} header. The string to sign is {@code ACS3-HMAC-SHA256\n} and the hex
 * SHA-256 of the canonical request; the signature, lower-case hex {@code HMAC-SHA256(secret, ...)}.
 *
 * <p>{@code host} and every {@code x-acs-*} header sent must be signed, every signed header must be
 * sent, and the body must hash to {@code x-acs-content-sha256}: otherwise the request is refused
 * before any secret is looked up.
 */
public final class SignatureV3 {
    static final String DATE = "x-acs-date";
    static final String NONCE = "x-acs-signature-nonce";
    static final String CONTENT_SHA256 = "x-acs-content-sha256";
    static final String SECURITY_TOKEN = "x-acs-security-token";
    static final String HOST = "host";
    private static final String SIGNED_HEADERS = "SignedHeaders";

    private SignatureV3() {
    }

    /** {@code ACS3-HMAC-SHA256\n} and the lower-case hex SHA-256 of the canonical request. */
    public static String stringToSign(String canonicalRequest) {
        return SignatureVersion.V3.algorithm() + "\n" + Digests.hex(Digests.sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lower-case hex {@code HMAC-SHA256(secret, stringToSign)}. */
    public static String sign(String stringToSign, AccessKeySecret secret) {
        return Digests.hex(Digests.hmacSha256(secret.utf8(), stringToSign));
    }

    /** The canonical request of a request and the headers it signs (names lower-case and sorted). */
    public static String canonicalRequest(SignedRequest request, List<String> signedHeaders, String payloadHash) {
        String headers = signedHeaders.stream()
                .map(name -> name + ":" + request.headerValues(name).stream().map(String::strip).collect(Collectors.joining(",")) + "\n")
                .collect(Collectors.joining());
        return String.join("\n", request.method(), canonicalUri(request.path()), CanonicalQuery.of(request.queryParameters()),
                headers, String.join(";", signedHeaders), payloadHash);
    }

    /** Reads the signing headers of a V3 request; refuses it when one is absent, malformed or unsigned. */
    static SignatureClaim.V3 read(SignedRequest request) throws SigningRefusal {
        Acs3Authorization authorization = Acs3Authorization.parse(single(request, Acs3Authorization.HEADER).orElseThrow());
        checkSignedHeaders(request, authorization.signedHeaders());
        String payloadHash = required(request, CONTENT_SHA256);
        if (!payloadHash.equalsIgnoreCase(Digests.hex(Digests.sha256(request.body())))) {
            throw SigningRefusal.invalid(CONTENT_SHA256, "`" + CONTENT_SHA256 + "` is not the SHA-256 of the body");
        }
        String nonce = ClaimedIdentity.nonce(required(request, NONCE), NONCE);
        ClaimedIdentity identity = new ClaimedIdentity(authorization.credential(),
                ClaimedIdentity.securityToken(single(request, SECURITY_TOKEN)), nonce, SigningTime.parse(required(request, DATE), DATE));
        return new SignatureClaim.V3(identity, canonicalRequest(request, authorization.signedHeaders(), payloadHash),
                authorization.signature().toLowerCase(Locale.ROOT));
    }

    static boolean matches(SignatureClaim.V3 claim, AccessKeySecret secret) {
        return Digests.equalInConstantTime(sign(stringToSign(claim.canonicalRequest()), secret), claim.signature());
    }

    private static void checkSignedHeaders(SignedRequest request, List<String> signed) throws SigningRefusal {
        if (!signed.contains(HOST)) {
            throw SigningRefusal.invalid(SIGNED_HEADERS, "header `host` must be signed");
        }
        for (String name : request.headers().keySet()) {
            if (name.startsWith("x-acs-") && !signed.contains(name)) {
                throw SigningRefusal.invalid(SIGNED_HEADERS, "header `" + name + "` is sent but not signed");
            }
        }
        for (String name : signed) {
            if (request.headerValues(name).isEmpty()) {
                throw SigningRefusal.invalid(SIGNED_HEADERS, "signed header `" + name + "` is not sent");
            }
        }
    }

    private static String canonicalUri(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(PercentEncoding.encode(segment));
        }
        return String.join("/", segments);
    }

    private static String required(SignedRequest request, String name) throws SigningRefusal {
        return single(request, name).filter(value -> !value.isBlank()).map(String::strip)
                .orElseThrow(() -> SigningRefusal.missing(name));
    }

    private static Optional<String> single(SignedRequest request, String name) throws SigningRefusal {
        List<String> values = request.headerValues(name);
        if (values.size() > 1) {
            throw SigningRefusal.invalid(name, "header `" + name + "` is sent " + values.size() + " times");
        }
        return values.stream().findFirst();
    }

    static boolean isClaimedBy(Map<String, List<String>> headers) {
        return headers.getOrDefault(Acs3Authorization.HEADER, List.of()).stream().anyMatch(value -> value.strip().startsWith("ACS3-"));
    }
}
