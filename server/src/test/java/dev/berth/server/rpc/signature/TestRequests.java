package dev.berth.server.rpc.signature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Requests for the tests: V1 requests signed by this package's own {@link SignatureV1}, keys and times. */
final class TestRequests {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final AccessKeyId KEY = new AccessKeyId("LTAI5tBerthTestKey000001");
    static final AccessKeySecret SECRET = new AccessKeySecret("BerthTestSecret000000000000001");
    static final SecretLookup SECRETS = id -> id.equals(KEY) ? Optional.of(SECRET) : Optional.empty();

    private TestRequests() {
    }

    static List<Map.Entry<String, String>> parameters(String... namesAndValues) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            entries.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return entries;
    }

    static RequestAuthenticator authenticator() {
        return new RequestAuthenticator(SECRETS, new InMemoryNonceRegistry());
    }

    static V1 v1() {
        return new V1();
    }

    /** A V1 request as the classic SDK sends it: every parameter, {@code Signature} too, in the query string. */
    static final class V1 {
        private String method = "GET";
        private final List<Map.Entry<String, String>> query = parameters("Action", "CreateUser", "Version", "2015-05-01",
                "Format", "JSON", "SignatureMethod", "HMAC-SHA1", "SignatureVersion", "1.0", "UserName", "alice");
        private final List<Map.Entry<String, String>> form = new ArrayList<>();
        private String accessKeyId = KEY.value();
        private AccessKeySecret secret = SECRET;
        private Instant signedAt = NOW;
        private String nonce = UUID.randomUUID().toString();

        V1 method(String value) {
            method = value;
            return this;
        }

        V1 query(String name, String value) {
            query.add(Map.entry(name, value));
            return this;
        }

        V1 form(String name, String value) {
            form.add(Map.entry(name, value));
            return this;
        }

        V1 without(String name) {
            query.removeIf(entry -> entry.getKey().equals(name));
            return this;
        }

        V1 replace(String name, String value) {
            return without(name).query(name, value);
        }

        V1 accessKeyId(String value) {
            accessKeyId = value;
            return this;
        }

        V1 secret(AccessKeySecret value) {
            secret = value;
            return this;
        }

        V1 signedAt(Instant value) {
            signedAt = value;
            return this;
        }

        V1 nonce(String value) {
            nonce = value;
            return this;
        }

        /** The request before its signature is added. */
        SignedRequest unsigned() {
            List<Map.Entry<String, String>> all = new ArrayList<>(query);
            all.addAll(parameters("AccessKeyId", accessKeyId, "SignatureNonce", nonce, "Timestamp", SigningTime.format(signedAt)));
            return request(all);
        }

        SignedRequest signed() {
            SignedRequest unsigned = unsigned();
            List<Map.Entry<String, String>> signedParameters = unsigned.parameters().toList();
            String signature = SignatureV1.sign(SignatureV1.stringToSign(method, signedParameters), secret);
            List<Map.Entry<String, String>> all = new ArrayList<>(unsigned.queryParameters());
            all.add(Map.entry("Signature", signature));
            return request(all);
        }

        private SignedRequest request(List<Map.Entry<String, String>> queryParameters) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Host", List.of("127.0.0.1:5000"));
            byte[] body = new byte[0];
            if (!form.isEmpty()) {
                headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
                body = "form".getBytes(StandardCharsets.UTF_8);
            }
            return new SignedRequest(method, "/", queryParameters, form, headers, body);
        }
    }
}
