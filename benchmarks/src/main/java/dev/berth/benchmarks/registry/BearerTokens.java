package dev.berth.benchmarks.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Bearer tokens as a Docker client gets them after {@code docker login}: the user name and password
 * are sent once (OAuth2 password grant, {@code access_type=offline}) for a refresh token, and each
 * repository's access token is then asked for with the refresh token and kept until shortly before
 * it expires.
 */
final class BearerTokens implements RegistryAuth {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final String CLIENT_ID = "berth-registry-benchmark";

    private final HttpClient http;
    private final URI realm;
    private final String service;
    private final String refreshToken;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAt) {
    }

    private BearerTokens(HttpClient http, URI realm, String service, String refreshToken) {
        this.http = http;
        this.realm = realm;
        this.service = service;
        this.refreshToken = refreshToken;
    }

    /** Reads the challenge of {@code GET /v2/} at {@code address} and signs in with the password once. */
    static BearerTokens signIn(HttpClient http, String address, String userName, String password) throws IOException, InterruptedException {
        HttpResponse<Void> ping = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/v2/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String challenge = ping.headers().firstValue("WWW-Authenticate")
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .orElseThrow(() -> new IllegalStateException("`GET /v2/` on " + address + " answered " + ping.statusCode()
                        + " without a Bearer challenge"));
        Map<String, String> parameters = PARAMETER.matcher(challenge).results()
                .collect(Collectors.toMap(match -> match.group(1), match -> match.group(2), (first, second) -> first));
        URI realm = URI.create(required(parameters, "realm", challenge));
        String service = required(parameters, "service", challenge);
        JsonNode answer = post(http, realm, Map.of("grant_type", "password", "username", userName, "password", password,
                "service", service, "access_type", "offline", "client_id", CLIENT_ID));
        JsonNode refresh = answer.get("refresh_token");
        if (refresh == null) {
            throw new IllegalStateException("the token endpoint handed out no refresh token: " + answer);
        }
        return new BearerTokens(http, realm, service, refresh.asText());
    }

    @Override
    public Optional<String> authorization(String repository, String actions) {
        String scope = "repository:" + repository + ":" + actions;
        Token token = tokens.get(scope);
        if (token == null || Instant.now().isAfter(token.renewAt())) {
            token = fetch(scope);
            tokens.put(scope, token);
        }
        return Optional.of("Bearer " + token.value());
    }

    private Token fetch(String scope) {
        try {
            Instant asked = Instant.now();
            JsonNode answer = post(http, realm, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "service", service,
                    "scope", scope, "client_id", CLIENT_ID));
            String granted = answer.path("scope").asText("");
            if (!grants(granted, scope)) {
                throw new IllegalStateException("the token endpoint granted `" + granted + "` when asked for `" + scope + "`");
            }
            long lifetime = answer.path("expires_in").asLong(60);
            return new Token(answer.get("access_token").asText(), asked.plus(Duration.ofSeconds(lifetime * 4 / 5)));
        } catch (IOException e) {
            throw new IllegalStateException("asking for a token for `" + scope + "` failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for a token", e);
        }
    }

    /** Whether the space-separated {@code granted} scopes hold every action of {@code asked}. */
    private static boolean grants(String granted, String asked) {
        int split = asked.lastIndexOf(':');
        String resource = asked.substring(0, split + 1);
        for (String scope : granted.split(" ")) {
            if (scope.startsWith(resource)
                    && List.of(scope.substring(split + 1).split(",")).containsAll(List.of(asked.substring(split + 1).split(",")))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode post(HttpClient http, URI realm, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(realm)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String required(Map<String, String> parameters, String name, String challenge) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("the challenge `" + challenge + "` names no `" + name + "`");
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
