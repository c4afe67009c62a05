package dev.berth.server.registry.e2e;

import static dev.berth.server.registry.e2e.RegistryAbilities.Operation.LIST_TAGS;
import static dev.berth.server.registry.e2e.RegistryAbilities.Operation.PULL;
import static dev.berth.server.registry.e2e.RegistryAbilities.Operation.PUSH;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.cr20181201.models.ListNamespaceRequest;
import dev.berth.server.SdkCalls;
import dev.berth.server.registry.client.Skopeo.Credentials;
import dev.berth.server.registry.e2e.RegistryAbilities.Operation;
import dev.berth.server.registry.e2e.RegistryAccount.Policy;
import dev.berth.server.registry.e2e.RegistryAccount.UserKey;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import dev.berth.server.registry.e2e.RobustHttp.OciError;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 against a running Berth with real clients: the account makes RAM users and attaches the
 * system policies and the seed's custom policies verbatim; it owns the namespaces {@code juzhong} and
 * {@code other} of its Personal Edition instance with an image in {@code juzhong/nginx},
 * {@code juzhong/other-repo} and {@code other/xx} (not {@code other/x}: a repository name has 2 to 64
 * characters). Each user sets its own registry password with its own AccessKey and uses {@code skopeo}
 * as {@code <user>@<account id>}; what it may do there is found by doing it (registry.md sections 3
 * and 4).
 */
abstract class PersonalEditionPoliciesTest extends RunningAccount {
    private static final List<String> REPOSITORIES = List.of("juzhong/nginx", "juzhong/other-repo", "other/xx");
    private static final Set<Operation> ALL = EnumSet.allOf(Operation.class);
    private static final Set<Operation> NOTHING = EnumSet.noneOf(Operation.class);
    private static final Set<Operation> READ = EnumSet.of(PULL, LIST_TAGS);
    private static final Map<String, String> ACCEPT_INDEX = Map.of("Accept", RobustHttp.OCI_INDEX);
    private RegistryAbilities abilities;

    @BeforeAll
    void putTheOwnersImages() throws Exception {
        account.createNamespace(account.personalInstance(), "juzhong");
        account.createNamespace(account.personalInstance(), "other");
        abilities = RegistryAbilities.withOwnersImage(folder, account.endpoint(), account.credentials(), 21, REPOSITORIES);
    }

    private static Map<String, Set<Operation>> expected(Set<Operation> nginx, Set<Operation> otherRepo, Set<Operation> otherXx) {
        Map<String, Set<Operation>> expected = new LinkedHashMap<>();
        expected.put("juzhong/nginx", nginx);
        expected.put("juzhong/other-repo", otherRepo);
        expected.put("other/xx", otherXx);
        return expected;
    }

    private void assertAbilities(Credentials user, Map<String, Set<Operation>> expected) throws Exception {
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
        RobustHttp asReader = registry.signedInAs(reader);

        Answer push = asReader.post("/v2/juzhong/nginx/blobs/uploads/");
        assertThat(push.status()).isEqualTo(403);
        OciError denied = push.error();
        assertThat(denied.code()).isEqualTo("DENIED");
        assertThat(denied.detail()).hasValue("`cr:PushRepository` on `acs:cr:cn-hangzhou:" + account.id()
                + ":repository/juzhong/nginx` is refused (no policy allows it)");

        Answer existing = asReader.get("/v2/other/xx/manifests/" + RegistryAbilities.TAG, ACCEPT_INDEX);
        Answer missing = asReader.get("/v2/other/missing/manifests/" + RegistryAbilities.TAG, ACCEPT_INDEX);
        assertThat(existing.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(existing.error().code()).isEqualTo("DENIED");
        assertThat(missing.error().detail()).hasValue(existing.error().detail().orElseThrow()
                .replace("other/xx", "other/missing"));
        assertThat(asReader.get("/v2/juzhong/nginx/manifests/" + RegistryAbilities.TAG, ACCEPT_INDEX).status()).isEqualTo(200);
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

        Answer delete = registry.signedInAs(admin).delete("/v2/juzhong/nginx/manifests/sha256:" + "0".repeat(64));
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.error().detail()).hasValue("`cr:DeleteRepositoryTag` on `acs:cr:cn-hangzhou:" + account.id()
                + ":repository/juzhong/nginx` is refused (an explicit deny)");
    }

    @Test
    void aTokenWithoutTheScopeARequestNeedsIs401WithAChallengeNamingThatScope() throws Exception {
        account.createPolicy("juzhong-read-token", Seed002Policies.SCENARIO_1);
        Credentials reader = account.userWith("token-reader", Policy.custom("juzhong-read-token"));
        RobustHttp.Token token = registry.signedInAs(reader).grant("repository:juzhong/nginx:pull,push", "repository:other/xx:pull");
        assertThat(token.scope()).isEqualTo("repository:juzhong/nginx:pull");
        RobustHttp bearer = registry.withToken(token.value());

        Answer push = bearer.post("/v2/juzhong/nginx/blobs/uploads/");
        assertThat(push.status()).isEqualTo(401);
        assertThat(push.error().code()).isEqualTo("UNAUTHORIZED");
        assertThat(push.challenge()).isEqualTo(RobustHttp.challengeFor(account.endpoint(),
                "repository:juzhong/nginx:pull,push") + ",error=\"insufficient_scope\"");
        Answer otherPull = bearer.get("/v2/other/xx/manifests/" + RegistryAbilities.TAG, ACCEPT_INDEX);
        assertThat(otherPull.status()).isEqualTo(401);
        assertThat(otherPull.challenge()).isEqualTo(RobustHttp.challengeFor(account.endpoint(),
                "repository:other/xx:pull") + ",error=\"insufficient_scope\"");
        assertThat(bearer.get("/v2/juzhong/nginx/manifests/" + RegistryAbilities.TAG, ACCEPT_INDEX).status())
                .isEqualTo(200);
    }

    @Test
    void anAnonymousClientIs401WithAChallengeNamingTheScope() throws Exception {
        Answer pull = registry.anonymous().get("/v2/juzhong/nginx/manifests/" + RegistryAbilities.TAG, ACCEPT_INDEX);
        assertThat(pull.status()).isEqualTo(401);
        assertThat(pull.error().code()).isEqualTo("UNAUTHORIZED");
        assertThat(pull.challenge()).isEqualTo(RobustHttp.challengeFor(account.endpoint(), "repository:juzhong/nginx:pull"));
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
        Answer pull = registry.signedInAs(stranger).get("/v2/juzhong/nginx/manifests/" + RegistryAbilities.TAG, ACCEPT_INDEX);
        assertThat(pull.status()).isEqualTo(403);
        assertThat(pull.error().detail()).hasValueSatisfying(detail -> assertThat(detail).contains("no policy allows it"));
    }

    private List<String> catalog(Credentials credentials) throws Exception {
        Answer answer = registry.signedInAs(credentials).get("/v2/_catalog", ACCEPT_INDEX);
        assertThat(answer.status()).as("catalog answer %s", answer.text()).isEqualTo(200);
        return RobustHttp.texts(answer.json().get("repositories"));
    }
}
