package dev.berth.server.rpc.signature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signature V1 (iam-api.md section 3): {@code HMAC-SHA1} over
 * {@code METHOD&%2F&percentEncode(canonicalQuery)}, where the canonical query holds every parameter
 * of the query string and the form body but {@code Signature}; the key is the secret and {@code &};
 * the signature is Base64.
 *
 * <p>The classic SDK ({@code aliyun-java-sdk-core}) signs a parameter with an empty value as
 * {@code name=}; the Tea SDKs ({@code openapiutil}'s {@code getRPCSignature}) leave it out of the
 * canonical query while still sending it. A request with an empty value is accepted under either.
 */
public final class SignatureV1 {
    static final String SIGNATURE = "Signature";
    static final String ACCESS_KEY_ID = "AccessKeyId";
    static final String SIGNATURE_METHOD = "SignatureMethod";
    static final String SIGNATURE_VERSION = "SignatureVersion";
    static final String SIGNATURE_NONCE = "SignatureNonce";
    static final String TIMESTAMP = "Timestamp";
    static final String SECURITY_TOKEN = "SecurityToken";
    static final String VERSION_1_0 = "1.0";

    private SignatureV1() {
    }

    /** {@code METHOD&%2F&percentEncode(canonicalQuery)} of these parameters ({@code Signature} already out). */
    public static String stringToSign(String method, List<Map.Entry<String, String>> parameters) {
        return method + "&" + PercentEncoding.encode("/") + "&" + PercentEncoding.encode(CanonicalQuery.of(parameters));
    }

    /** {@code Base64(HMAC-SHA1(secret + "&", stringToSign))}. */
    public static String sign(String stringToSign, AccessKeySecret secret) {
        return Base64.getEncoder().encodeToString(Digests.hmacSha1((secret.value() + "&").getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    /** Reads the signing parameters of a V1 request; refuses it when one is absent or malformed. */
    static SignatureClaim.V1 read(SignedRequest request) throws SigningRefusal {
        String signature = required(request, SIGNATURE);
        AccessKeyId accessKeyId = ClaimedIdentity.accessKeyId(required(request, ACCESS_KEY_ID), ACCESS_KEY_ID);
        String method = required(request, SIGNATURE_METHOD);
        if (!method.equals(SignatureVersion.V1.algorithm())) {
            throw SigningRefusal.invalid(SIGNATURE_METHOD, "unsupported signature method `" + method + "`");
        }
        String version = required(request, SIGNATURE_VERSION);
        if (!version.equals(VERSION_1_0)) {
            throw SigningRefusal.invalid(SIGNATURE_VERSION, "unsupported signature version `" + version + "`");
        }
        String nonce = ClaimedIdentity.nonce(required(request, SIGNATURE_NONCE), SIGNATURE_NONCE);
        String timestamp = required(request, TIMESTAMP);
        ClaimedIdentity identity = new ClaimedIdentity(accessKeyId,
                ClaimedIdentity.securityToken(optional(request, SECURITY_TOKEN)), nonce, SigningTime.parse(timestamp, TIMESTAMP));
        return new SignatureClaim.V1(identity, stringsToSign(request), signature);
    }

    /** Whether the claimed signature is the one the secret gives for one of the strings the client may have signed. */
    static boolean matches(SignatureClaim.V1 claim, AccessKeySecret secret) {
        boolean matched = false;
        for (String stringToSign : claim.stringsToSign()) {
            matched |= Digests.equalInConstantTime(sign(stringToSign, secret), claim.signature());
        }
        return matched;
    }

    private static List<String> stringsToSign(SignedRequest request) {
        List<Map.Entry<String, String>> signed = request.parameters().filter(entry -> !entry.getKey().equals(SIGNATURE)).toList();
        List<String> strings = new ArrayList<>(2);
        strings.add(stringToSign(request.method(), signed));
        if (signed.stream().anyMatch(entry -> entry.getValue().isEmpty())) {
            strings.add(stringToSign(request.method(), signed.stream().filter(entry -> !entry.getValue().isEmpty()).toList()));
        }
        return strings;
    }

    private static String required(SignedRequest request, String name) throws SigningRefusal {
        return optional(request, name).filter(value -> !value.isEmpty()).orElseThrow(() -> SigningRefusal.missing(name));
    }

    private static Optional<String> optional(SignedRequest request, String name) throws SigningRefusal {
        List<String> values = request.parameterValues(name);
        if (values.size() > 1) {
            throw SigningRefusal.invalid(name, "`" + name + "` is given " + values.size() + " times");
        }
        return values.stream().findFirst();
    }
}
