package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.content.Digest;
import dev.berth.server.registry.client.Skopeo.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A plain {@code java.net.http} client of a running server's {@code /v2} and {@code /auth/token}, for
 * tests that need to send exactly one request and read exactly its answer. Signs in with one
 * {@code Authorization} header (Basic straight to {@code /v2}, or a bearer token), or not at all.
 */
final class RobustHttp {
    static final String SERVICE = "berth-registry";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final Optional<String> basic;
    private final Optional<String> authorization;

    private RobustHttp(URI base, Optional<String> basic, Optional<String> authorization) {
        this.base = Objects.requireNonNull(base, "base");
        this.basic = basic;
        this.authorization = authorization;
    }

    /** Signs every request in with Basic credentials (ours: accepted straight on {@code /v2}). */
    static RobustHttp basic(URI base, Credentials credentials) {
        if (base.toString().endsWith("/")) {
            throw new IllegalArgumentException("the base `" + base + "` must not end with a slash");
        }
        String header = credentials.basicAuthorization();
        return new RobustHttp(base, Optional.of(header), Optional.of(header));
    }

    URI base() {
        return base;
    }

    /** The same client signed in with other Basic credentials, on {@code /v2} and at {@code /auth/token}. */
    RobustHttp signedInAs(Credentials credentials) {
        return basic(base, credentials);
    }

    /** The same client with no credentials at all. */
    RobustHttp anonymous() {
        return new RobustHttp(base, basic, Optional.empty());
    }

    /** The same client showing {@code Bearer <token>} instead of its Basic credentials. */
    RobustHttp withToken(String token) {
        return new RobustHttp(base, basic, Optional.of("Bearer " + token));
    }

    /** A bearer token from {@code /auth/token} for {@code scopes} ({@code repository:<name>:pull,push}), signed in with Basic. */
    String token(String... scopes) {
        return grant(scopes).value();
    }

    /** A token from {@code /auth/token} and the scope it was granted; fails the test unless the answer is 200. */
    Token grant(String... scopes) {
        Answer answer = tokenAnswer(scopes);
        assertThat(answer.status()).as("token for %s: %s", String.join(" ", scopes), answer.text()).isEqualTo(200);
        return new Token(answer.json().get("token").asText(), answer.json().get("scope").asText());
    }

    /** The answer of {@code /auth/token} for {@code scopes}, signed in with Basic, whatever its status. */
    Answer tokenAnswer(String... scopes) {
        String query = "service=" + SERVICE + Stream.of(scopes).map(scope -> "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8))
                .collect(Collectors.joining());
        return new RobustHttp(base, basic, basic).send("GET", "/auth/token?" + query, Map.of(), BodyPublishers.noBody());
    }

    /** A token and the scope it was granted (space-separated, as the token endpoint writes it). */
    record Token(String value, String scope) {
    }

    /** The expected challenge of the registry at {@code endpoint} ({@code host:port}) for {@code scope}. */
    static String challengeFor(String endpoint, String scope) {
        return "Bearer realm=\"http://" + endpoint + "/auth/token\",service=\"" + SERVICE + "\",scope=\"" + scope + "\"";
    }

    /** One error of a {@code /v2} answer: {@code {"code", "message", "detail"}}. */
    record OciError(String code, String message, Optional<String> detail) {
    }

    /** The same client with a fresh token granting pull, push and delete on each repository. */
    RobustHttp bearer(String... repositories) {
        return withToken(token(Stream.of(repositories).map(name -> "repository:" + name + ":pull,push,delete").toArray(String[]::new)));
    }

    /** The texts of a JSON array. */
    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** One exchange's answer. */
    record Answer(int status, HttpHeaders headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        /** The {@code code} of the first OCI error of the body. */
        String errorCode() {
            return json().path("errors").path(0).path("code").asText();
        }

        String errorMessage() {
            return json().path("errors").path(0).path("message").asText();
        }

        /** The first OCI error of the body; fails the test unless there is one. */
        OciError error() {
            JsonNode error = json().at("/errors/0");
            assertThat(error.isMissingNode()).as("errors of %s", text()).isFalse();
            return new OciError(error.get("code").asText(), error.get("message").asText(),
                    Optional.ofNullable(error.get("detail")).map(JsonNode::asText));
        }

        /** The challenge of a refusal, {@code Bearer realm=...,service=...}; fails the test unless there is one. */
        String challenge() {
            return header("WWW-Authenticate").orElseThrow(() -> new AssertionError("no challenge in " + this));
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + (body.length > 2000 ? text().substring(0, 2000) + "..." : text());
        }
    }

    Answer send(String method, String path, Map<String, String> headers, BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).method(method, body);
        authorization.ifPresent(value -> request.header("Authorization", value));
        headers.forEach(request::header);
        try {
            var response = CLIENT.send(request.build(), BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Answer get(String path) {
        return send("GET", path, Map.of(), BodyPublishers.noBody());
    }

    Answer get(String path, Map<String, String> headers) {
        return send("GET", path, headers, BodyPublishers.noBody());
    }

    Answer head(String path) {
        return send("HEAD", path, Map.of(), BodyPublishers.noBody());
    }

    Answer delete(String path) {
        return send("DELETE", path, Map.of(), BodyPublishers.noBody());
    }

    /** A {@code POST} with no body and no headers of its own, such as the start of an upload. */
    Answer post(String path) {
        return send("POST", path, Map.of(), BodyPublishers.noBody());
    }

    Answer post(String path, byte[] body) {
        return send("POST", path, Map.of("Content-Type", "application/octet-stream"), BodyPublishers.ofByteArray(body));
    }

    Answer patch(String path, byte[] body, Optional<String> contentRange) {
        Map<String, String> headers = contentRange.map(range -> Map.of("Content-Type", "application/octet-stream", "Content-Range", range))
                .orElse(Map.of("Content-Type", "application/octet-stream"));
        return send("PATCH", path, headers, BodyPublishers.ofByteArray(body));
    }

    Answer put(String path, byte[] body, String contentType) {
        return send("PUT", path, Map.of("Content-Type", contentType), BodyPublishers.ofByteArray(body));
    }

    /** {@code POST ?digest=}: the whole blob in one request; fails the test unless 201. */
    Digest pushBlob(String repository, byte[] bytes) {
        Digest digest = Digest.sha256Of(bytes);
        Answer answer = post("/v2/" + repository + "/blobs/uploads/?digest=" + digest, bytes);
        assertThat(answer.status()).as("blob push: %s", answer).isEqualTo(201);
        return digest;
    }

    /** {@code PUT} of a manifest; fails the test unless 201. */
    Digest pushManifest(String repository, String reference, String mediaType, byte[] bytes) {
        Answer answer = put("/v2/" + repository + "/manifests/" + reference, bytes, mediaType);
        assertThat(answer.status()).as("manifest push: %s", answer).isEqualTo(201);
        return Digest.sha256Of(bytes);
    }

    /** {@code POST}: opens an upload session; fails the test unless 202; answers its {@code Location}. */
    String startUpload(String repository) {
        Answer answer = send("POST", "/v2/" + repository + "/blobs/uploads/", Map.of(), BodyPublishers.noBody());
        assertThat(answer.status()).as("upload start: %s", answer).isEqualTo(202);
        return answer.header("Location").orElseThrow();
    }
}
