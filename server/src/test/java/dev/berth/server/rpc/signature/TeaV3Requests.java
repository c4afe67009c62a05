package dev.berth.server.rpc.signature;

import com.aliyun.tea.TeaRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * V3 requests signed by the Tea SDKs' own signer, {@code com.aliyun.openapiutil.Client.getAuthorization},
 * with the headers {@code tea-openapi}'s {@code doRequest} sets before it signs.
 */
final class TeaV3Requests {
    private String method = "POST";
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private AccessKeyId accessKeyId = TestRequests.KEY;
    private AccessKeySecret secret = TestRequests.SECRET;

    private TeaV3Requests() {
        headers.put("host", "127.0.0.1:5000");
        headers.put("x-acs-version", "2015-05-01");
        headers.put("x-acs-action", "CreateUser");
        headers.put("user-agent", "AlibabaCloud (Linux; amd64) Java/25 tea-util/0.2.21 TeaDSL/1");
        headers.put("x-acs-date", SigningTime.format(TestRequests.NOW));
        headers.put("x-acs-signature-nonce", UUID.randomUUID().toString().replace("-", ""));
        headers.put("accept", "application/json");
        query.put("UserName", "alice");
    }

    static TeaV3Requests create() {
        return new TeaV3Requests();
    }

    TeaV3Requests method(String value) {
        method = value;
        return this;
    }

    TeaV3Requests query(String name, String value) {
        query.put(name, value);
        return this;
    }

    TeaV3Requests header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    TeaV3Requests withoutHeader(String name) {
        headers.remove(name);
        return this;
    }

    TeaV3Requests formBody(String form) {
        body = form.getBytes(StandardCharsets.UTF_8);
        headers.put("content-type", "application/x-www-form-urlencoded");
        return this;
    }

    TeaV3Requests signedAt(Instant value) {
        headers.put("x-acs-date", SigningTime.format(value));
        return this;
    }

    TeaV3Requests secret(AccessKeySecret value) {
        secret = value;
        return this;
    }

    /** The request with the {@code Authorization} header the SDK computes. */
    SignedRequest signed() {
        return toSignedRequest(authorization());
    }

    /** The {@code Authorization} header the SDK computes. */
    String authorization() {
        try {
            headers.put("x-acs-content-sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
            TeaRequest request = new TeaRequest();
            request.method = method;
            request.pathname = "/";
            request.query = new HashMap<>(query);
            request.headers = new HashMap<>(headers);
            return com.aliyun.openapiutil.Client.getAuthorization(request, "ACS3-HMAC-SHA256",
                    headers.get("x-acs-content-sha256"), accessKeyId.value(), secret.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request as received, with this {@code Authorization} header. */
    SignedRequest toSignedRequest(String authorization) {
        Map<String, List<String>> received = new LinkedHashMap<>();
        headers.forEach((name, value) -> received.put(name, List.of(value)));
        received.put("Authorization", List.of(authorization));
        return new SignedRequest(method, "/", TestRequests.parameters(query.entrySet().stream()
                .flatMap(entry -> Stream.of(entry.getKey(), entry.getValue())).toArray(String[]::new)),
                List.of(), received, body);
    }
}
