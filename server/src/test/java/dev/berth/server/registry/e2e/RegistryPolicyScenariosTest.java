package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.cr20181201.models.CreateNamespaceRequest;
import com.aliyun.cr20181201.models.GetAuthorizationTokenRequest;
import com.aliyun.cr20181201.models.GetAuthorizationTokenResponseBody;
import com.aliyun.cr20181201.models.ListInstanceRequest;
import com.aliyun.cr20181201.models.ResetLoginPasswordRequest;
import com.aliyun.ram20150501.models.AttachPolicyToRoleRequest;
import com.aliyun.ram20150501.models.AttachPolicyToUserRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyResponseBody;
import com.aliyun.ram20150501.models.CreatePolicyRequest;
import com.aliyun.ram20150501.models.CreateRoleRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.ram20150501.models.DetachPolicyFromUserRequest;
import com.aliyun.ram20150501.models.UpdateAccessKeyRequest;
import com.aliyun.sts20150401.models.AssumeRoleRequest;
import com.aliyun.sts20150401.models.AssumeRoleResponseBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.server.SdkCalls;
import dev.berth.server.TestServers;
import dev.berth.server.registry.client.OciLayouts;
import dev.berth.server.registry.client.OciLayouts.Layout;
import dev.berth.server.registry.client.Skopeo;
import dev.berth.server.registry.client.Skopeo.Credentials;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's policies, verbatim, decide what RAM users may do with {@code skopeo}: each user sets its
 * own registry password with {@code ResetLoginPassword} (signed with its own key) and signs in as
 * {@code <user>@<account id>}; a {@code GetAuthorizationToken} password carries its holder's (or a
 * role session's) permissions; a token issued before a policy is detached is refused on the next request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RegistryPolicyScenariosTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Optional<Credentials> NONE = Optional.empty();
    private static final String SCENARIO_1 = """
            {"Statement": [{"Action": ["cr:Get*", "cr:List*", "cr:PullRepository"], "Effect": "Allow",
              "Resource": ["acs:cr:*:*:repository/juzhong/*"]}], "Version": "1"}""";
    private static final String SCENARIO_2 = """
            {"Statement": [{"Action": ["cr:*"], "Effect": "Allow", "Resource": ["acs:cr:cn-hangzhou:*:repository/juzhong/nginx"]},
              {"Action": ["cr:Get*", "cr:List*"], "Effect": "Allow", "Resource": ["acs:cr:*:*:repository/juzhong"]}], "Version": "1"}""";
    private static final String SCENARIO_3 = """
            {"Statement": [{"Action": ["cr:*"], "Effect": "Allow",
              "Resource": ["acs:cr:cn-hangzhou:*:repository/juzhong", "acs:cr:cn-hangzhou:*:repository/juzhong/*"]}], "Version": "1"}""";

    /** Scenario 1 with leave to ask for a temporary password ({@code cr:GetAuthorizationToken} is on {@code *}). */
    private static final String SCENARIO_1_WITH_TOKENS = """
            {"Statement": [{"Action": ["cr:Get*", "cr:List*", "cr:PullRepository"], "Effect": "Allow",
              "Resource": ["acs:cr:*:*:repository/juzhong/*"]},
              {"Action": "cr:GetAuthorizationToken", "Effect": "Allow", "Resource": "*"}], "Version": "1"}""";

    @TempDir
    static Path folder;
    private static TestServers.Started started;
    private static com.aliyun.ram20150501.Client ram;
    private static String personal;
    private static Layout image;
    private static Skopeo skopeo;
    private static Optional<Credentials> root;

    abstract TestServers.Backend backend();

    @BeforeAll
    void start() throws Exception {
        started = TestServers.start(folder, backend());
        ram = new com.aliyun.ram20150501.Client(SdkCalls.config(started.endpoint(), started.accessKeyId(), started.accessKeySecret(), null));
        com.aliyun.cr20181201.Client cr = cr(started.accessKeyId(), started.accessKeySecret(), null);
        personal = cr.listInstance(new ListInstanceRequest()).getBody().getInstances().getFirst().getInstanceId();
        for (String namespace : new String[] {"juzhong", "other"}) {
            cr.createNamespace(new CreateNamespaceRequest().setInstanceId(personal).setNamespaceName(namespace));
        }
        image = OciLayouts.build(folder.resolve("image"), 11);
        skopeo = Skopeo.create(folder.resolve("skopeo"));
        root = Optional.of(new Credentials(started.accountId(), started.credentials().get("RegistryPassword").asText()));
        for (String repository : new String[] {"juzhong/nginx", "juzhong/web", "other/xy"}) {
            skopeo.copyAll(image.reference(OciLayouts.INDEX_TAG), image(repository), NONE, root).assertSucceeded();
        }
    }

    @AfterAll
    void stop() throws Exception {
        started.close();
    }

    private static com.aliyun.cr20181201.Client cr(String keyId, String secret, String token) throws Exception {
        return new com.aliyun.cr20181201.Client(SdkCalls.config(started.endpoint(), keyId, secret, token));
    }

    private static String image(String repository) {
        return "docker://" + started.endpoint() + "/" + repository + ":" + OciLayouts.INDEX_TAG;
    }

    /** A RAM user holding {@code policy} (a system policy's name, or a custom document), with its key and registry password. */
    private record User(String name, String keyId, String secret, Optional<Credentials> registry) {
    }

    private static User user(String name, String systemPolicy, String document) throws Exception {
        ram.createUser(new CreateUserRequest().setUserName(name));
        CreateAccessKeyResponseBody.CreateAccessKeyResponseBodyAccessKey key = ram.createAccessKey(new CreateAccessKeyRequest()
                .setUserName(name)).getBody().getAccessKey();
        if (systemPolicy != null) {
            ram.attachPolicyToUser(new AttachPolicyToUserRequest().setPolicyType("System").setPolicyName(systemPolicy).setUserName(name));
        } else {
            ram.createPolicy(new CreatePolicyRequest().setPolicyName(name + "-policy").setPolicyDocument(document));
            ram.attachPolicyToUser(new AttachPolicyToUserRequest().setPolicyType("Custom").setPolicyName(name + "-policy").setUserName(name));
        }
        String password = "Registry-" + name + "-42";
        cr(key.getAccessKeyId(), key.getAccessKeySecret(), null).resetLoginPassword(new ResetLoginPasswordRequest().setInstanceId(personal)
                .setPassword(password));
        return new User(name, key.getAccessKeyId(), key.getAccessKeySecret(),
                Optional.of(new Credentials(name + "@" + started.accountId(), password)));
    }

    private static boolean pulls(Optional<Credentials> who, String repository) throws Exception {
        return skopeo.inspectRaw(image(repository), who).succeeded();
    }

    private static boolean pushes(Optional<Credentials> who, String repository) throws Exception {
        return skopeo.copyAll(image.reference(OciLayouts.INDEX_TAG), image(repository), NONE, who).succeeded();
    }

    @Test
    void theReadOnlySystemPolicyPullsEverythingAndPushesNothing() throws Exception {
        User reader = user("reader", "AliyunContainerRegistryReadOnlyAccess", null);
        assertThat(pulls(reader.registry(), "juzhong/nginx")).isTrue();
        assertThat(pulls(reader.registry(), "other/xy")).isTrue();
        assertThat(pushes(reader.registry(), "juzhong/nginx")).isFalse();
        assertThat(skopeo.delete(image("juzhong/web"), reader.registry()).succeeded()).isFalse();
    }

    @Test
    void theFullAccessSystemPolicyPushesAnywhereInTheAccount() throws Exception {
        User admin = user("admin", "AliyunContainerRegistryFullAccess", null);
        assertThat(pushes(admin.registry(), "other/admin-made")).isTrue();
        assertThat(pulls(admin.registry(), "other/admin-made")).isTrue();
    }

    @Test
    void scenarioOneReadsTheJuzhongNamespaceOnly() throws Exception {
        User one = user("scenario-one", null, SCENARIO_1);
        assertThat(pulls(one.registry(), "juzhong/nginx")).isTrue();
        assertThat(pulls(one.registry(), "juzhong/web")).isTrue();
        assertThat(pulls(one.registry(), "other/xy")).isFalse();
        assertThat(pushes(one.registry(), "juzhong/nginx")).isFalse();
    }

    @Test
    void scenarioTwoOwnsJuzhongNginxAndNothingElse() throws Exception {
        User two = user("scenario-two", null, SCENARIO_2);
        assertThat(pushes(two.registry(), "juzhong/nginx")).isTrue();
        assertThat(pulls(two.registry(), "juzhong/nginx")).isTrue();
        assertThat(pulls(two.registry(), "juzhong/web")).isFalse();
        assertThat(pushes(two.registry(), "juzhong/fresh")).isFalse();
    }

    @Test
    void scenarioThreeOwnsTheJuzhongNamespaceAndPushesNewRepositoriesThere() throws Exception {
        User three = user("scenario-three", null, SCENARIO_3);
        assertThat(pushes(three.registry(), "juzhong/made-by-three")).isTrue();
        assertThat(pulls(three.registry(), "juzhong/web")).isTrue();
        assertThat(pulls(three.registry(), "other/xy")).isFalse();
        assertThat(pushes(three.registry(), "other/xy")).isFalse();
    }

    @Test
    void aRefusedPullNamesTheActionTheResourceAndTheKindOfDeny() throws Exception {
        User one = user("explained", null, SCENARIO_1);
        HttpResponse<String> refused = get("/v2/other/xy/manifests/v1", Optional.of(basic(one.registry().orElseThrow())));
        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("DENIED");
        assertThat(error.get("detail").asText()).contains("cr:PullRepository")
                .contains("acs:cr:cn-hangzhou:" + started.accountId() + ":repository/other/xy").contains("no policy allows it");
        HttpResponse<String> anonymous = get("/v2/other/xy/manifests/v1", Optional.empty());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("realm=\"http://" + started.endpoint() + "/auth/token\"").contains("scope=\"repository:other/xy:pull\"");
    }

    @Test
    void aTemporaryPasswordCarriesItsHoldersPermissionsAndEndsWithItsKey() throws Exception {
        User one = user("temporary", null, SCENARIO_1_WITH_TOKENS);
        GetAuthorizationTokenResponseBody token = cr(one.keyId(), one.secret(), null).getAuthorizationToken(
                new GetAuthorizationTokenRequest().setInstanceId(personal)).getBody();
        assertThat(token.getTempUsername()).isEqualTo("cr_temp_user");
        assertThat(Instant.ofEpochMilli(token.getExpireTime())).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        Optional<Credentials> temporary = Optional.of(new Credentials("cr_temp_user", token.getAuthorizationToken()));
        assertThat(pulls(temporary, "juzhong/nginx")).isTrue();
        assertThat(pulls(temporary, "other/xy")).isFalse();

        ram.updateAccessKey(new UpdateAccessKeyRequest().setUserName(one.name()).setUserAccessKeyId(one.keyId()).setStatus("Inactive"));
        assertThat(pulls(temporary, "juzhong/nginx")).isFalse();
    }

    @Test
    void aRoleSessionsTemporaryPasswordHasTheSessionsPermissions() throws Exception {
        String accountId = started.accountId();
        ram.createRole(new CreateRoleRequest().setRoleName("puller").setAssumeRolePolicyDocument("""
                {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::%s:root"]}}]}"""
                .formatted(accountId)));
        ram.createPolicy(new CreatePolicyRequest().setPolicyName("puller-policy").setPolicyDocument(SCENARIO_1_WITH_TOKENS));
        ram.attachPolicyToRole(new AttachPolicyToRoleRequest().setPolicyType("Custom").setPolicyName("puller-policy").setRoleName("puller"));
        User assumer = user("assumer", "AliyunSTSAssumeRoleAccess", null);
        com.aliyun.sts20150401.Client sts = new com.aliyun.sts20150401.Client(SdkCalls.config(started.endpoint(), assumer.keyId(),
                assumer.secret(), null));
        AssumeRoleResponseBody.AssumeRoleResponseBodyCredentials session = sts.assumeRole(new AssumeRoleRequest()
                .setRoleArn("acs:ram::" + accountId + ":role/puller").setRoleSessionName("ci").setDurationSeconds(900L)
                .setPolicy("""
                        {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "cr:PullRepository",
                          "Resource": "acs:cr:*:*:repository/juzhong/nginx"},
                          {"Effect": "Allow", "Action": "cr:GetAuthorizationToken", "Resource": "*"}]}""")).getBody().getCredentials();
        GetAuthorizationTokenResponseBody token = cr(session.getAccessKeyId(), session.getAccessKeySecret(), session.getSecurityToken())
                .getAuthorizationToken(new GetAuthorizationTokenRequest().setInstanceId(personal)).getBody();
        assertThat(Instant.ofEpochMilli(token.getExpireTime())).isBefore(Instant.now().plusSeconds(901));
        Optional<Credentials> temporary = Optional.of(new Credentials("cr_temp_user", token.getAuthorizationToken()));
        assertThat(pulls(temporary, "juzhong/nginx")).isTrue();
        assertThat(pulls(temporary, "juzhong/web")).isFalse();
        assertThat(pushes(temporary, "juzhong/nginx")).isFalse();
    }

    @Test
    void aTokenIssuedBeforeAPolicyIsDetachedIsRefusedOnTheNextRequest() throws Exception {
        User one = user("revoked", null, SCENARIO_1);
        HttpResponse<String> issued = get("/auth/token?service=berth-registry&scope="
                + URLEncoder.encode("repository:juzhong/nginx:pull", StandardCharsets.UTF_8), Optional.of(basic(one.registry().orElseThrow())));
        assertThat(issued.statusCode()).isEqualTo(200);
        String bearer = "Bearer " + JSON.readTree(issued.body()).get("token").asText();
        assertThat(get("/v2/juzhong/nginx/manifests/v1", Optional.of(bearer)).statusCode()).isEqualTo(200);

        ram.detachPolicyFromUser(new DetachPolicyFromUserRequest().setPolicyType("Custom").setPolicyName("revoked-policy")
                .setUserName("revoked"));
        HttpResponse<String> after = get("/v2/juzhong/nginx/manifests/v1", Optional.of(bearer));
        assertThat(after.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(after.body()).get("errors").get(0).get("code").asText()).isEqualTo("DENIED");
    }

    @Test
    void seed004sEnterpriseNamespacePolicyGrantsOneNamespaceOfOneInstance() throws Exception {
        com.aliyun.cr20181201.Client cr = cr(started.accessKeyId(), started.accessKeySecret(), null);
        String instance = cr.callApi(new com.aliyun.teaopenapi.models.Params().setAction("CreateInstance").setVersion("2018-12-01")
                .setProtocol("HTTP").setMethod("POST").setAuthType("AK").setStyle("RPC").setPathname("/").setReqBodyType("json")
                .setBodyType("json"), new com.aliyun.teaopenapi.models.OpenApiRequest().setQuery(java.util.Map.of(
                        "InstanceName", "team-registry", "InstanceType", "Basic")), new com.aliyun.teautil.models.RuntimeOptions())
                .get("body") instanceof java.util.Map<?, ?> body ? String.valueOf(body.get("InstanceId")) : "";
        assertThat(instance).matches("cri-[a-z0-9]{16}");
        for (String namespace : new String[] {"ns", "elsewhere"}) {
            cr.createNamespace(new CreateNamespaceRequest().setInstanceId(instance).setNamespaceName(namespace));
        }
        skopeo.copyAll(image.reference(OciLayouts.INDEX_TAG), image(instance + "/elsewhere/app"), NONE, root).assertSucceeded();
        String policy = """
                { "Statement": [ { "Effect": "Allow", "Action": [ "cr:ListInstance*", "cr:GetInstance*", "cr:ListSignature*" ],
                "Resource": "*" }, { "Action": [ "cr:*" ], "Effect": "Allow", "Resource": [ "acs:cr:*:*:repository/$instanceid/$namespace/*",
                "acs:cr:*:*:repository/$instanceid/$namespace" ] }, { "Action": [ "cr:List*" ], "Effect": "Allow", "Resource": [
                "acs:cr:*:*:repository/$instanceid/*", "acs:cr:*:*:repository/$instanceid/*/*" ] } ], "Version": "1" }"""
                .replace("$instanceid", instance).replace("$namespace", "ns");
        User member = user("team-member", null, policy);
        assertThat(pushes(member.registry(), instance + "/ns/app")).isTrue();
        assertThat(pulls(member.registry(), instance + "/ns/app")).isTrue();
        assertThat(pulls(member.registry(), instance + "/elsewhere/app")).isFalse();
        assertThat(pushes(member.registry(), instance + "/elsewhere/app")).isFalse();
        assertThat(pulls(member.registry(), "juzhong/nginx")).isFalse();
    }

    private static String basic(Credentials credentials) {
        return "Basic " + Base64.getEncoder().encodeToString((credentials.username() + ":" + credentials.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path, Optional<String> authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + started.endpoint() + path)).timeout(Duration.ofSeconds(20))
                .header("Accept", OciLayouts.IMAGE_INDEX);
        authorization.ifPresent(value -> request.header("Authorization", value));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
