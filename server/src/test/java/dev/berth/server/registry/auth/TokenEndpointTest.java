package dev.berth.server.registry.auth;

import static dev.berth.server.registry.auth.AuthFixture.ACCOUNT;
import static dev.berth.server.registry.auth.AuthFixture.NOW;
import static dev.berth.server.registry.auth.AuthFixture.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.iam.role.RoleSession;
import dev.berth.policy.principal.Principal;
import dev.berth.server.registry.client.Skopeo.Credentials;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token endpoint on a real Jetty server on a loopback port, called over HTTP. */
class TokenEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuthFixture fixture = new AuthFixture();
    private final List<GrantContext> contexts = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private Server server;
    private URI endpoint;

    /**
     * Stands in for the policies: the account may do anything; alice may pull in {@code juzhong} and push to
     * {@code juzhong/app}; anyone may pull {@code juzhong/public}; signed-in callers may read the catalog.
     */
    private Set<ScopeAction> grant(RegistryCaller caller, Scope scope, GrantContext context) {
        contexts.add(context);
        String name = scope.resource().name();
        return switch (caller) {
            case RegistryCaller.Anonymous anonymous -> name.equals("juzhong/public") ? EnumSet.of(ScopeAction.PULL) : Set.of();
            case RegistryCaller.Identified identified -> switch (identified.principal()) {
                case Principal.Account account -> EnumSet.allOf(ScopeAction.class);
                case Principal.RamUser user -> scope.resource() instanceof ScopeResource.Catalog ? EnumSet.of(ScopeAction.ALL)
                        : name.equals("juzhong/app") ? EnumSet.of(ScopeAction.PULL, ScopeAction.PUSH) : EnumSet.of(ScopeAction.PULL);
                case Principal.RoleSession session -> EnumSet.of(ScopeAction.PULL);
                case Principal.Service service -> Set.of();
                case Principal.FederatedSession federated -> Set.of();
            };
        };
    }

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new TokenEndpoint(fixture.signIn, fixture.tokens, this::grant, Clock.fixed(NOW, ZoneOffset.UTC)));
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/auth/token");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void getWithBasicCredentialsGrantsWhatWasAskedAndAllowed() throws Exception {
        HttpResponse<String> response = get("service=" + SERVICE + "&scope=repository:juzhong/app:pull,push"
                + "&scope=repository:juzhong/base:pull,push,delete&account=alice@juzhong", basic("alice@juzhong", "alice-pass-1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("access_token").asText()).isEqualTo(body.get("token").asText());
        assertThat(body.get("expires_in").asLong()).isEqualTo(300);
        assertThat(body.get("issued_at").asText()).isEqualTo("2025-06-01T10:00:00Z");
        assertThat(body.get("scope").asText()).isEqualTo("repository:juzhong/app:pull,push repository:juzhong/base:pull");
        assertThat(body.has("refresh_token")).isFalse();
        BearerAccess access = fixture.signIn.bearer(body.get("token").asText(), NOW);
        assertThat(access.caller()).isInstanceOfSatisfying(RegistryCaller.Identified.class,
                caller -> assertThat(caller.principal()).isEqualTo(new Principal.RamUser(ACCOUNT, "alice")));
        assertThat(access.access()).extracting(Scope::toString)
                .containsExactly("repository:juzhong/app:pull,push", "repository:juzhong/base:pull");
        assertThat(contexts).allSatisfy(context -> {
            assertThat(context.now()).isEqualTo(NOW);
            assertThat(context.sourceAddress()).contains("127.0.0.1");
            assertThat(context.secure()).isFalse();
        });
    }

    @Test
    void getWithSpaceSeparatedScopesAndTheCatalog() throws Exception {
        HttpResponse<String> response = get("service=" + SERVICE + "&scope=" + encode("repository:juzhong/app:pull registry:catalog:*"),
                basic("juzhong", "root-pass-1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("scope").asText()).isEqualTo("repository:juzhong/app:pull registry:catalog:*");
    }

    @Test
    void anOfflineTokenRequestAlsoAnswersARefreshToken() throws Exception {
        HttpResponse<String> response = get("service=" + SERVICE + "&offline_token=true&client_id=docker",
                basic("alice@juzhong", "alice-pass-1"));

        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fixture.signIn.refresh(body.get("refresh_token").asText(), NOW).principal())
                .isEqualTo(new Principal.RamUser(ACCOUNT, "alice"));
        assertThat(body.get("scope").asText()).isEmpty();
    }

    @Test
    void anAnonymousGetIsGrantedPublicPullsOnly() throws Exception {
        HttpResponse<String> response = get("service=" + SERVICE + "&scope=repository:juzhong/public:pull,push"
                + "&scope=repository:juzhong/private:pull&offline_token=true", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.has("refresh_token")).isFalse();
        BearerAccess access = fixture.signIn.bearer(body.get("token").asText(), NOW);
        assertThat(access.caller()).isEqualTo(new RegistryCaller.Anonymous());
        assertThat(access.access()).extracting(Scope::toString).containsExactly("repository:juzhong/public:pull");
    }

    @Test
    void wrongCredentialsAnswer401WithADockerStyleError() throws Exception {
        HttpResponse<String> response = get("service=" + SERVICE + "&scope=repository:juzhong/app:pull", basic("alice@juzhong", "nope-pass-1"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"" + SERVICE + "\", charset=\"UTF-8\"");
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"wrong user name or password\"}]}"));
    }

    @Test
    void repeatedWrongPasswordsAnswer429() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get("service=" + SERVICE, basic("juzhong", "nope-pass-1")).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> response = get("service=" + SERVICE, basic("juzhong", "root-pass-1"));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(error(response)).isEqualTo("TOOMANYREQUESTS: too many wrong passwords: try again later");
    }

    @Test
    void anotherOrNoServiceIsABadRequest() throws Exception {
        HttpResponse<String> other = get("service=other.example&scope=repository:juzhong/app:pull", basic("juzhong", "root-pass-1"));
        HttpResponse<String> none = get("scope=repository:juzhong/app:pull", basic("juzhong", "root-pass-1"));
        HttpResponse<String> twice = get("service=" + SERVICE + "&service=" + SERVICE, null);

        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(error(other)).isEqualTo("INVALID_REQUEST: service `other.example` is not served here; use `" + SERVICE + "`");
        assertThat(error(none)).isEqualTo("INVALID_REQUEST: parameter `service` is required");
        assertThat(error(twice)).isEqualTo("INVALID_REQUEST: parameter `service` is given more than once");
    }

    @Test
    void aBadScopeIsABadRequest() throws Exception {
        HttpResponse<String> response = get("service=" + SERVICE + "&scope=repository:juzhong/app:fetch", basic("juzhong", "root-pass-1"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).isEqualTo(
                "INVALID_REQUEST: scope `repository:juzhong/app:fetch`: unknown action `fetch`; use `pull`, `push`, `delete` or `*`");
    }

    @Test
    void anAccountOtherThanTheUserNameIsABadRequest() throws Exception {
        HttpResponse<String> response = get("service=" + SERVICE + "&account=bob@juzhong", basic("alice@juzhong", "alice-pass-1"));

        assertThat(error(response)).isEqualTo("INVALID_REQUEST: `account` `bob@juzhong` is not the user name of the credentials");
    }

    @Test
    void malformedPercentEncodingIsABadRequest() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&service=" + SERVICE + "&scope=%zz")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("INVALID_REQUEST: the parameters are not well-formed percent-encoding");
    }

    @Test
    void aTemporaryTokenSignsInAsTheRoleSessionThatAskedForIt() throws Exception {
        RoleSession session = fixture.session(fixture.role("builder"), Duration.ofMinutes(3));
        String temporary = fixture.temporaryTokens.issue(new Principal.RoleSession(ACCOUNT, "builder", "ci"),
                session.accessKeyId().value(), NOW).token();

        HttpResponse<String> response = get("service=" + SERVICE + "&scope=repository:juzhong/app:pull,push",
                basic("cr_temp_user", temporary));

        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("expires_in").asLong()).isEqualTo(180);
        BearerAccess access = fixture.signIn.bearer(body.get("token").asText(), NOW);
        assertThat(access.caller()).isInstanceOfSatisfying(RegistryCaller.Identified.class, caller -> {
            assertThat(caller.principal()).isEqualTo(new Principal.RoleSession(ACCOUNT, "builder", "ci"));
            assertThat(caller.sessionPolicy()).contains(AuthFixture.SESSION_POLICY);
        });
        assertThat(access.access()).extracting(Scope::toString).containsExactly("repository:juzhong/app:pull");
    }

    @Test
    void postWithAPasswordGrantAnswersAnAccessAndARefreshToken() throws Exception {
        HttpResponse<String> response = post(Map.of("grant_type", "password", "username", "alice@juzhong", "password", "alice-pass-1",
                "service", SERVICE, "client_id", "docker", "access_type", "offline",
                "scope", "repository:juzhong/app:pull,push repository:juzhong/base:push"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("access_token").asText()).isEqualTo(body.get("token").asText());
        assertThat(body.get("scope").asText()).isEqualTo("repository:juzhong/app:pull,push");
        assertThat(body.get("expires_in").asLong()).isEqualTo(300);
        assertThat(fixture.signIn.refresh(body.get("refresh_token").asText(), NOW).principal())
                .isEqualTo(new Principal.RamUser(ACCOUNT, "alice"));
    }

    @Test
    void postWithARefreshTokenAnswersAnAccessTokenForItsIdentity() throws Exception {
        String refresh = JSON.readTree(post(Map.of("grant_type", "password", "username", "juzhong", "password", "root-pass-1",
                "service", SERVICE, "client_id", "docker", "access_type", "offline")).body()).get("refresh_token").asText();

        HttpResponse<String> response = post(Map.of("grant_type", "refresh_token", "refresh_token", refresh, "service", SERVICE,
                "client_id", "docker", "scope", "repository:juzhong/app:pull,push,delete"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.has("refresh_token")).isFalse();
        BearerAccess access = fixture.signIn.bearer(body.get("access_token").asText(), NOW);
        assertThat(access.caller()).isInstanceOfSatisfying(RegistryCaller.Identified.class,
                caller -> assertThat(caller.principal()).isEqualTo(new Principal.Account(ACCOUNT)));
        assertThat(access.access()).extracting(Scope::toString).containsExactly("repository:juzhong/app:pull,push,delete");
    }

    @Test
    void postWithAnAccessTokenAsRefreshTokenIsUnauthorized() throws Exception {
        String access = JSON.readTree(get("service=" + SERVICE, basic("juzhong", "root-pass-1")).body()).get("token").asText();

        HttpResponse<String> response = post(Map.of("grant_type", "refresh_token", "refresh_token", access, "service", SERVICE));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error(response)).isEqualTo("UNAUTHORIZED: the token is not a refresh token (type `JWT`)");
    }

    @Test
    void postWithAWrongPasswordIsUnauthorized() throws Exception {
        HttpResponse<String> response = post(Map.of("grant_type", "password", "username", "juzhong", "password", "nope-pass-1",
                "service", SERVICE));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error(response)).isEqualTo("UNAUTHORIZED: wrong user name or password");
    }

    @Test
    void postRequiresAKnownGrantTypeItsParametersAndAForm() throws Exception {
        HttpResponse<String> unknownGrant = post(Map.of("grant_type", "client_credentials", "service", SERVICE));
        HttpResponse<String> noPassword = post(Map.of("grant_type", "password", "username", "juzhong", "service", SERVICE));
        HttpResponse<String> json = client.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> huge = client.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("scope=" + "a".repeat(TokenRequests.LONGEST_FORM))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(error(unknownGrant)).isEqualTo("INVALID_REQUEST: `grant_type` must be `password` or `refresh_token`, got `client_credentials`");
        assertThat(error(noPassword)).isEqualTo("INVALID_REQUEST: parameter `password` is required");
        assertThat(error(json)).isEqualTo("INVALID_REQUEST: a POST must be an `application/x-www-form-urlencoded` form");
        assertThat(error(huge)).isEqualTo("INVALID_REQUEST: the form is over 64 KiB");
        assertThat(List.of(unknownGrant, noPassword, json, huge)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(400));
    }

    @Test
    void anotherMethodIsNotAllowed() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, POST");
        assertThat(error(response)).isEqualTo("UNSUPPORTED: method `DELETE` is not served here; use GET or POST");
    }

    private HttpResponse<String> get(String query, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + "?" + query)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return new Credentials(user, password).basicAuthorization();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code CODE: message} of a Docker-style error body with one error. */
    private static String error(HttpResponse<String> response) throws Exception {
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors).hasSize(1);
        return errors.get(0).get("code").asText() + ": " + errors.get(0).get("message").asText();
    }
}
