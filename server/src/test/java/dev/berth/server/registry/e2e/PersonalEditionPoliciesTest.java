package dev.berth.server.registry.e2e;

import static dev.berth.server.registry.e2e.RegistryAbilities.Operation.LIST_TAGS;
import static dev.berth.server.registry.e2e.RegistryAbilities.Operation.PULL;
import static dev.berth.server.registry.e2e.RegistryAbilities.Operation.PUSH;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.cr20181201.models.ListNamespaceRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.server.SdkCalls;
import dev.berth.server.TestServers;
import dev.berth.server.registry.client.OciLayouts;
import dev.berth.server.registry.client.OciLayouts.Layout;
import dev.berth.server.registry.client.Skopeo;
import dev.berth.server.registry.client.Skopeo.Credentials;
import dev.berth.server.registry.e2e.RegistryAbilities.Operation;
import dev.berth.server.registry.e2e.RegistryAccount.Policy;
import dev.berth.server.registry.e2e.RegistryAccount.UserKey;
import dev.berth.server.registry.e2e.RegistryHttp.OciError;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002 against a running Berth with real clients: the account makes RAM users and attaches the
 * system policies and the seed's custom policies verbatim; it owns the namespaces {@code juzhong} and
 * {@code other} of its Personal Edition instance with an image in {@code juzhong/nginx},
 * {@code juzhong/other-repo} and {@code other/xx} (not {@code other/x}: a repository name has 2 to 64
 * characters). Each user sets its own registry password with its own AccessKey and uses {@code skopeo}
 * as {@code <user>@<account id>}; what it may do there is found by doing it (registry.md sections 3
 * and 4).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PersonalEditionPoliciesTest {
    private static final List<String> REPOSITORIES = List.of("juzhong/nginx", "juzhong/other-repo", "other/xx");
    private static final Set<Operation> ALL = EnumSet.allOf(Operation.class);
    private static final Set<Operation> NOTHING = EnumSet.noneOf(Operation.class);
    private static final Set<Operation> READ = EnumSet.of(PULL, LIST_TAGS);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    private static TestServers.Started started;
    private static RegistryAccount account;
    private static RegistryAbilities abilities;
    private static RegistryHttp http;

    abstract TestServers.Backend backend();

    @BeforeAll
    void start() throws Exception {
        started = TestServers.start(folder, backend());
        account = RegistryAccount.of(started);
        http = new RegistryHttp(account.endpoint());
        account.createNamespace(account.personalInstance(), "juzhong");
        account.createNamespace(account.personalInstance(), "other");
        Layout owners = OciLayouts.build(folder.resolve("owners"), 21);
        abilities = new RegistryAbilities(Skopeo.create(folder.resolve("skopeo")), account.endpoint(), account.credentials(),
                OciLayouts.build(folder.resolve("pushed"), 22), OciLayouts.build(folder.resolve("doomed"), 23), folder.resolve("pulled"));
        for (String repository : REPOSITORIES) {
            abilities.putAsOwner(owners, repository, RegistryAbilities.TAG);
        }
    }

    @AfterAll
    void stop() throws Exception {
        started.close();
    }

    private static Map<String, Set<Operation>> expected(Set<Operation> nginx, Set<Operation> otherRepo, Set<Operation> otherXx) {
        Map<String, Set<Operation>> expected = new LinkedHashMap<>();
        expected.put("juzhong/nginx", nginx);
        expected.put("juzhong/other-repo", otherRepo);
        expected.put("other/xx", otherXx);
        return expected;
    }

    private static void assertAbilities(Credentials user, Map<String, Set<Operation>> expected) throws Exception {
        assertThat(abilities.of(Optional.of(user), REPOSITORIES)).as("what `%s` may do", user.username())
                .containsExactlyEntriesOf(expected);
    }

    @Test
    void theAccountItselfMayDoEverythingEverywhere() throws Exception {
        assertAbilities(account.credentials(), expected(ALL, ALL, ALL));
    }

    @Test
    void aUserWithNoPolicyMayDoNothing() throws Exception {
        assertAbilities(account.userWith("nobody"), expected(NOTHING, NOTHING, NOTHING));
    }

    @Test
    void readOnlyAccessPullsAndListsTagsEverywhereAndChangesNothing() throws Exception {
        Credentials reader = account.userWith("reader", Policy.system("AliyunContainerRegistryReadOnlyAccess"));
        assertAbilities(reader, expected(READ, READ, READ));
    }

    @Test
    void fullAccessDoesEverythingEverywhere() throws Exception {
        Credentials admin = account.userWith("admin", Policy.system("AliyunContainerRegistryFullAccess"));
        assertAbilities(admin, expected(ALL, ALL, ALL));
    }

    @Test
    void scenario1ReadsTheNamespaceJuzhongOnly() throws Exception {
        account.createPolicy("juzhong-read", Seed002Policies.SCENARIO_1);
        Credentials reader = account.userWith("juzhong-reader", Policy.custom("juzhong-read"));
        assertAbilities(reader, expected(READ, READ, NOTHING));
    }

    @Test
    void scenario1sConsoleStatementShowsEveryNamespaceAndRepositoryButPullsStayInJuzhong() throws Exception {
        account.createPolicy("juzhong-read-alone", Seed002Policies.SCENARIO_1);
        account.createPolicy("juzhong-read-console", Seed002Policies.SCENARIO_1_WITH_CONSOLE);
        UserKey alone = account.createUser("juzhong-only");
        account.attach(Policy.custom("juzhong-read-alone"), alone);
        UserKey console = account.createUser("console-viewer");
        account.attach(Policy.custom("juzhong-read-console"), console);
        Credentials aloneCredentials = account.registryPassword(alone);
        Credentials consoleCredentials = account.registryPassword(console);

        assertThat(SdkCalls.refusal(() -> account.cr(alone).listNamespace(new ListNamespaceRequest()
                .setInstanceId(account.personalInstance())))).isEqualTo("NoPermission");
        assertThat(account.cr(console).listNamespace(new ListNamespaceRequest().setInstanceId(account.personalInstance())).getBody()
                .getNamespaces()).extracting(namespace -> namespace.getNamespaceName()).contains("juzhong", "other");
        assertThat(catalog(aloneCredentials)).contains("juzhong/nginx", "juzhong/other-repo").doesNotContain("other/xx");
        assertThat(catalog(consoleCredentials)).contains("juzhong/nginx", "juzhong/other-repo", "other/xx");
        assertAbilities(consoleCredentials, expected(READ, READ, NOTHING));
    }

    @Test
    void scenario2GivesFullAccessToJuzhongNginxAlone() throws Exception {
        account.createPolicy("nginx-full", Seed002Policies.SCENARIO_2);
        Credentials admin = account.userWith("nginx-admin", Policy.custom("nginx-full"));
        assertAbilities(admin, expected(ALL, NOTHING, NOTHING));
    }

    @Test
    void scenario3GivesFullAccessToTheNamespaceJuzhongNewRepositoriesIncluded() throws Exception {
        account.createPolicy("juzhong-full", Seed002Policies.SCENARIO_3);
        Credentials admin = account.userWith("juzhong-admin", Policy.custom("juzhong-full"));
        assertAbilities(admin, expected(ALL, ALL, NOTHING));
        assertThat(abilities.tries(PUSH, Optional.of(admin), "juzhong/brand-new")).isTrue();
        assertThat(abilities.tries(PUSH, Optional.of(admin), "other/brand-new")).isFalse();
    }

    @Test
    void aPolicyRefusalIs403DeniedNamingTheActionTheArnAndAnImplicitDeny() throws Exception {
        account.createPolicy("juzhong-read-http", Seed002Policies.SCENARIO_1);
        Credentials reader = account.userWith("http-reader", Policy.custom("juzhong-read-http"));
        Optional<String> basic = Optional.of(RegistryHttp.basic(reader));

        HttpResponse<String> push = http.post("juzhong/nginx/blobs/uploads/", basic);
        assertThat(push.statusCode()).isEqualTo(403);
        OciError denied = RegistryHttp.error(push);
        assertThat(denied.code()).isEqualTo("DENIED");
        assertThat(denied.detail()).hasValue("`cr:PushRepository` on `acs:cr:cn-hangzhou:" + account.id()
                + ":repository/juzhong/nginx` is refused (no policy allows it)");

        HttpResponse<String> existing = http.get("other/xx/manifests/" + RegistryAbilities.TAG, basic);
        HttpResponse<String> missing = http.get("other/missing/manifests/" + RegistryAbilities.TAG, basic);
        assertThat(existing.statusCode()).isEqualTo(403);
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(RegistryHttp.error(existing).code()).isEqualTo("DENIED");
        assertThat(RegistryHttp.error(missing).detail()).hasValue(RegistryHttp.error(existing).detail().orElseThrow()
                .replace("other/xx", "other/missing"));
        assertThat(http.get("juzhong/nginx/manifests/" + RegistryAbilities.TAG, basic).statusCode()).isEqualTo(200);
    }

    @Test
    void anExplicitDenyBeatsFullAccessAndIsNamedAsSuch() throws Exception {
        account.createPolicy("no-deletes-in-juzhong", """
                {"Version": "1", "Statement": [{"Effect": "Deny", "Action": "cr:DeleteRepositoryTag",
                 "Resource": "acs:cr:*:*:repository/juzhong/*"}]}""");
        Credentials admin = account.userWith("careful-admin", Policy.system("AliyunContainerRegistryFullAccess"),
                Policy.custom("no-deletes-in-juzhong"));
        Set<Operation> allButDelete = EnumSet.of(PULL, PUSH, LIST_TAGS);
        assertAbilities(admin, expected(allButDelete, allButDelete, ALL));

        HttpResponse<String> delete = http.delete("juzhong/nginx/manifests/sha256:" + "0".repeat(64),
                Optional.of(RegistryHttp.basic(admin)));
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(RegistryHttp.error(delete).detail()).hasValue("`cr:DeleteRepositoryTag` on `acs:cr:cn-hangzhou:" + account.id()
                + ":repository/juzhong/nginx` is refused (an explicit deny)");
    }

    @Test
    void aTokenWithoutTheScopeARequestNeedsIs401WithAChallengeNamingThatScope() throws Exception {
        account.createPolicy("juzhong-read-token", Seed002Policies.SCENARIO_1);
        Credentials reader = account.userWith("token-reader", Policy.custom("juzhong-read-token"));
        RegistryHttp.Token token = http.token(reader, "repository:juzhong/nginx:pull,push", "repository:other/xx:pull");
        assertThat(token.scope()).isEqualTo("repository:juzhong/nginx:pull");

        HttpResponse<String> push = http.post("juzhong/nginx/blobs/uploads/", Optional.of(token.authorization()));
        assertThat(push.statusCode()).isEqualTo(401);
        assertThat(RegistryHttp.error(push).code()).isEqualTo("UNAUTHORIZED");
        assertThat(RegistryHttp.challenge(push)).isEqualTo(RegistryHttp.challengeFor(account.endpoint(),
                "repository:juzhong/nginx:pull,push") + ",error=\"insufficient_scope\"");
        HttpResponse<String> otherPull = http.get("other/xx/manifests/" + RegistryAbilities.TAG, Optional.of(token.authorization()));
        assertThat(otherPull.statusCode()).isEqualTo(401);
        assertThat(RegistryHttp.challenge(otherPull)).isEqualTo(RegistryHttp.challengeFor(account.endpoint(),
                "repository:other/xx:pull") + ",error=\"insufficient_scope\"");
        assertThat(http.get("juzhong/nginx/manifests/" + RegistryAbilities.TAG, Optional.of(token.authorization())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAnonymousClientIs401WithAChallengeNamingTheScope() throws Exception {
        HttpResponse<String> pull = http.get("juzhong/nginx/manifests/" + RegistryAbilities.TAG, Optional.empty());
        assertThat(pull.statusCode()).isEqualTo(401);
        assertThat(RegistryHttp.error(pull).code()).isEqualTo("UNAUTHORIZED");
        assertThat(RegistryHttp.challenge(pull)).isEqualTo(RegistryHttp.challengeFor(account.endpoint(), "repository:juzhong/nginx:pull"));
        assertThat(abilities.of(Optional.empty(), "juzhong/nginx")).isEmpty();
    }

    @Test
    void anAttachmentAtTheScopeOfTheInstancesResourceGroupCountsAndOneAtAnotherGroupDoesNot() throws Exception {
        String otherGroup = account.createResourceGroup("team-a");
        UserKey inGroup = account.createUser("group-reader");
        account.attachAtResourceGroup(Policy.system("AliyunContainerRegistryReadOnlyAccess"), inGroup, account.personalResourceGroup());
        UserKey elsewhere = account.createUser("stranger-reader");
        account.attachAtResourceGroup(Policy.system("AliyunContainerRegistryReadOnlyAccess"), elsewhere, otherGroup);

        assertAbilities(account.registryPassword(inGroup), expected(READ, READ, READ));
        Credentials stranger = account.registryPassword(elsewhere);
        assertAbilities(stranger, expected(NOTHING, NOTHING, NOTHING));
        HttpResponse<String> pull = http.get("juzhong/nginx/manifests/" + RegistryAbilities.TAG, Optional.of(RegistryHttp.basic(stranger)));
        assertThat(pull.statusCode()).isEqualTo(403);
        assertThat(RegistryHttp.error(pull).detail()).hasValueSatisfying(detail -> assertThat(detail).contains("no policy allows it"));
    }

    private static List<String> catalog(Credentials credentials) throws Exception {
        HttpResponse<String> answer = http.get("_catalog", Optional.of(RegistryHttp.basic(credentials)));
        assertThat(answer.statusCode()).as("catalog answer %s", answer.body()).isEqualTo(200);
        return StreamSupport.stream(JSON.readTree(answer.body()).get("repositories").spliterator(), false).map(JsonNode::asText)
                .toList();
    }
}
