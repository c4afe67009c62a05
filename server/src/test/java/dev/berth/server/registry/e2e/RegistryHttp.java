package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.server.registry.client.Skopeo.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plain HTTP against the registry (java.net.http), for what a client like skopeo does not show: the
 * token endpoint's grants, and the status, code, detail and challenge of a refusal on {@code /v2}.
 */
final class RegistryHttp {
    static final String SERVICE = "berth-registry";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    RegistryHttp(String endpoint) {
        this.base = "http://" + endpoint;
    }

    /** One error of a {@code /v2} answer: {@code {"code", "message", "detail"}}. */
    record OciError(String code, String message, Optional<String> detail) {
    }

    /** A token from {@code /auth/token} for Basic credentials and the scopes asked; fails unless the answer is 200. */
    Token token(Credentials credentials, String... scopes) throws IOException, InterruptedException {
        HttpResponse<String> answer = tokenAnswer(credentials, scopes);
        assertThat(answer.statusCode()).as("token answer %s", answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        return new Token(body.get("token").asText(), body.get("scope").asText());
    }

    /** A token and the scope it was granted (space-separated, as the token endpoint writes it). */
    record Token(String value, String scope) {
        String authorization() {
            return "Bearer " + value;
        }
    }

    HttpResponse<String> tokenAnswer(Credentials credentials, String... scopes) throws IOException, InterruptedException {
        String query = "service=" + encode(SERVICE) + Arrays.stream(scopes).map(scope -> "&scope=" + encode(scope))
                .collect(Collectors.joining());
        return send(HttpRequest.newBuilder(URI.create(base + "/auth/token?" + query)).header("Authorization", basic(credentials)).GET());
    }

    /** A GET of {@code /v2/<path>} with an optional {@code Authorization} header, asking for an OCI index. */
    HttpResponse<String> get(String path, Optional<String> authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v2/" + path)).header("Accept", OCI_INDEX).GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        return send(request);
    }

    /** A POST of {@code /v2/<path>} with no body: the start of an upload. */
    HttpResponse<String> post(String path, Optional<String> authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v2/" + path)).POST(HttpRequest.BodyPublishers.noBody());
        authorization.ifPresent(value -> request.header("Authorization", value));
        return send(request);
    }

    HttpResponse<String> delete(String path, Optional<String> authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v2/" + path)).DELETE();
        authorization.ifPresent(value -> request.header("Authorization", value));
        return send(request);
    }

    /** The challenge a refusal answers with, {@code Bearer realm=...,service=...}. */
    static String challenge(HttpResponse<String> answer) {
        return answer.headers().firstValue("WWW-Authenticate").orElseThrow(() -> new AssertionError("no challenge in " + answer));
    }

    /** The first error of a {@code /v2} refusal. */
    static OciError error(HttpResponse<String> answer) throws IOException {
        JsonNode error = JSON.readTree(answer.body()).at("/errors/0");
        assertThat(error.isMissingNode()).as("errors of %s", answer.body()).isFalse();
        return new OciError(error.get("code").asText(), error.get("message").asText(),
                Optional.ofNullable(error.get("detail")).map(JsonNode::asText));
    }

    /** The expected challenge of the registry at {@code endpoint} for {@code scope}. */
    static String challengeFor(String endpoint, String scope) {
        return "Bearer realm=\"http://" + endpoint + "/auth/token\",service=\"" + SERVICE + "\",scope=\"" + scope + "\"";
    }

    static String basic(Credentials credentials) {
        return "Basic " + Base64.getEncoder().encodeToString((credentials.username() + ":" + credentials.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
