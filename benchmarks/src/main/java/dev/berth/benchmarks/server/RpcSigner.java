package dev.berth.benchmarks.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs RPC calls with signature V1 (iam-api.md section 3), each with a fresh nonce: the load generator's client. */
public final class RpcSigner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String accessKeyId;
    private final SecretKeySpec key;
    private final String securityToken;

    public RpcSigner(String accessKeyId, String secret, String securityToken) {
        this.accessKeyId = accessKeyId;
        this.key = new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1");
        this.securityToken = securityToken;
    }

    /** Sends {@code action} as a signed GET to {@code endpoint} ({@code host:port}); its JSON answer, or a failure naming the refusal. */
    public JsonNode call(HttpClient http, String endpoint, String version, String action, Map<String, String> parameters)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + endpoint + "/?"
                + query(version, action, parameters))).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(action + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The query string of a signed GET of {@code action}. */
    public String query(String version, String action, Map<String, String> parameters) {
        TreeMap<String, String> all = new TreeMap<>(parameters);
        all.put("Action", action);
        all.put("Version", version);
        all.put("Format", "JSON");
        all.put("AccessKeyId", accessKeyId);
        all.put("SignatureMethod", "HMAC-SHA1");
        all.put("SignatureVersion", "1.0");
        all.put("SignatureNonce", UUID.randomUUID().toString());
        all.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        if (securityToken != null) {
            all.put("SecurityToken", securityToken);
        }
        StringBuilder canonical = new StringBuilder();
        all.forEach((name, value) -> canonical.append(canonical.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value)));
        String toSign = "GET&%2F&" + encode(canonical.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
            return canonical + "&Signature=" + encode(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is unavailable", e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
