package dev.berth.server.registry.e2e;

import static dev.berth.server.registry.e2e.RegistryAbilities.Operation.PUSH;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.cr20181201.models.CreateNamespaceRequest;
import com.aliyun.cr20181201.models.GetInstanceRequest;
import com.aliyun.cr20181201.models.GetRepositoryRequest;
import com.aliyun.cr20181201.models.ListInstanceRequest;
import com.aliyun.cr20181201.models.ListNamespaceRequest;
import com.aliyun.cr20181201.models.ListRepositoryRequest;
import dev.berth.server.SdkCalls;
import dev.berth.server.TestServers;
import dev.berth.server.registry.client.OciLayouts;
import dev.berth.server.registry.client.OciLayouts.Layout;
import dev.berth.server.registry.client.Skopeo;
import dev.berth.server.registry.client.Skopeo.Credentials;
import dev.berth.server.registry.e2e.RegistryAbilities.Operation;
import dev.berth.server.registry.e2e.RegistryAccount.Policy;
import dev.berth.server.registry.e2e.RegistryAccount.UserKey;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 004 against a running Berth: an Enterprise Edition instance ({@code CreateInstance}, Basic) with
 * the namespaces {@code ns} and {@code ops}, and the seed's policy, verbatim but for {@code $instanceid}
 * and {@code $namespace}. The RAM user works in {@code <instance-id>/ns/...} with {@code skopeo} on the
 * server's own address (registry.md section 2) and nowhere else: not in {@code ops}, not in the
 * account's Personal Edition instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnterpriseEditionPolicyTest {
    /** Seed 004's policy ({@code /work/shared/seeds/004_*.txt}) with its two placeholders. */
    static final String SEED_004 = """
            { "Statement": [ { "Effect": "Allow", "Action": [ "cr:ListInstance*", "cr:GetInstance*", "cr:ListSignature*" ], \
            "Resource": "*" }, { "Action": [ "cr:*" ], "Effect": "Allow", "Resource": [ "acs:cr:*:*:repository/$instanceid/$namespace/*", \
            "acs:cr:*:*:repository/$instanceid/$namespace" ] }, { "Action": [ "cr:List*" ], "Effect": "Allow", "Resource": [ \
            "acs:cr:*:*:repository/$instanceid/*", "acs:cr:*:*:repository/$instanceid/*/*" ] } ], "Version": "1" }""";

    @TempDir
    static Path folder;
    private static TestServers.Started started;
    private static RegistryAccount account;
    private static RegistryAbilities abilities;
    private static String instance;
    private static UserKey developer;
    private static Credentials developerCredentials;
    private static Layout owners;

    abstract TestServers.Backend backend();

    @BeforeAll
    void start() throws Exception {
        started = TestServers.start(folder, backend());
        account = RegistryAccount.of(started);
        instance = account.createInstance("team-registry", "Basic");
        account.createNamespace(instance, "ns");
        account.createNamespace(instance, "ops");
        owners = OciLayouts.build(folder.resolve("owners"), 41);
        abilities = new RegistryAbilities(Skopeo.create(folder.resolve("skopeo")), account.endpoint(), account.credentials(),
                OciLayouts.build(folder.resolve("pushed"), 42), OciLayouts.build(folder.resolve("doomed"), 43), folder.resolve("pulled"));
        for (String repository : List.of(instance + "/ns/app", instance + "/ops/app", "library/app")) {
            abilities.putAsOwner(owners, repository, RegistryAbilities.TAG);
        }
        account.createPolicy("team-ns", SEED_004.replace("$instanceid", instance).replace("$namespace", "ns"));
        developer = account.createUser("developer");
        account.attach(Policy.custom("team-ns"), developer);
        developerCredentials = account.registryPassword(developer, instance);
    }

    @AfterAll
    void stop() throws Exception {
        started.close();
    }

    @Test
    void theInstanceIsAnEnterpriseEditionInstance() {
        assertThat(instance).matches("cri-[a-z0-9]{16}");
    }

    @Test
    void theUserDoesEverythingInItsNamespaceAndNothingInTheOtherNamespaceOrThePersonalInstance() throws Exception {
        Map<String, Set<Operation>> expected = new LinkedHashMap<>();
        expected.put(instance + "/ns/app", EnumSet.allOf(Operation.class));
        expected.put(instance + "/ops/app", EnumSet.noneOf(Operation.class));
        expected.put("library/app", EnumSet.noneOf(Operation.class));
        assertThat(abilities.of(Optional.of(developerCredentials), List.copyOf(expected.keySet()))).containsExactlyEntriesOf(expected);
        assertThat(abilities.tries(PUSH, Optional.of(developerCredentials), instance + "/ns/team/new-app")).isTrue();
        assertThat(abilities.tries(PUSH, Optional.of(developerCredentials), instance + "/ops/new-app")).isFalse();
    }

    @Test
    void aRefusalInTheOtherNamespaceNamesTheInstancesRepositoryArn() throws Exception {
        RegistryHttp http = new RegistryHttp(account.endpoint());
        HttpResponse<String> pull = http.get(instance + "/ops/app/manifests/" + RegistryAbilities.TAG,
                Optional.of(RegistryHttp.basic(developerCredentials)));
        assertThat(pull.statusCode()).isEqualTo(403);
        assertThat(RegistryHttp.error(pull).detail()).hasValue("`cr:PullRepository` on `acs:cr:cn-hangzhou:" + account.id()
                + ":repository/" + instance + "/ops/app` is refused (no policy allows it)");
    }

    /**
     * A mount's {@code from} naming another instance's repository, one the caller may pull, never reaches
     * the repository of the same name in the target's instance, which the caller may not pull.
     */
    @Test
    void aMountFromAnotherInstancesNameOpensASessionAndLinksNothing() throws Exception {
        String other = account.createInstance("other-registry", "Basic");
        account.createNamespace(other, "ops");
        account.createPolicy("other-ops-pull", """
                { "Statement": [ { "Effect": "Allow", "Action": [ "cr:PullRepository" ], \
                "Resource": [ "acs:cr:*:*:repository/$other/ops/*" ] } ], "Version": "1" }""".replace("$other", other));
        account.attach(Policy.custom("other-ops-pull"), developer);
        String digest = owners.images().get(0).config().digest().toString();
        RegistryHttp http = new RegistryHttp(account.endpoint());
        Optional<String> authorization = Optional.of(RegistryHttp.basic(developerCredentials));

        HttpResponse<String> mount = http.post(instance + "/ns/mounted/blobs/uploads/?mount=" + digest + "&from=" + other + "/ops/app",
                authorization);

        assertThat(mount.statusCode()).as("%s", mount.headers()).isEqualTo(202);
        assertThat(http.get(instance + "/ns/mounted/blobs/" + digest, Optional.of(RegistryHttp.basic(account.credentials())))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void theApiListsTheInstanceAndItsNamespacesButChangesOnlyTheUsersNamespace() throws Exception {
        com.aliyun.cr20181201.Client cr = account.cr(developer);
        assertThat(cr.listInstance(new ListInstanceRequest()).getBody().getInstances()).extracting(found -> found.getInstanceId())
                .contains(instance);
        assertThat(cr.getInstance(new GetInstanceRequest().setInstanceId(instance)).getBody().getInstanceName())
                .isEqualTo("team-registry");
        assertThat(cr.listNamespace(new ListNamespaceRequest().setInstanceId(instance)).getBody().getNamespaces())
                .extracting(namespace -> namespace.getNamespaceName()).contains("ns", "ops");
        assertThat(cr.listRepository(new ListRepositoryRequest().setInstanceId(instance).setRepoNamespaceName("ops")).getBody()
                .getRepositories()).extracting(repository -> repository.getRepoName()).contains("app");
        assertThat(cr.getRepository(new GetRepositoryRequest().setInstanceId(instance).setRepoNamespaceName("ns").setRepoName("app"))
                .getBody().getRepoName()).isEqualTo("app");
        assertThat(SdkCalls.refusal(() -> cr.getRepository(new GetRepositoryRequest().setInstanceId(instance)
                .setRepoNamespaceName("ops").setRepoName("app")))).isEqualTo("NoPermission");
        assertThat(SdkCalls.refusal(() -> cr.createNamespace(new CreateNamespaceRequest().setInstanceId(instance)
                .setNamespaceName("sneaky")))).isEqualTo("NoPermission");
        assertThat(SdkCalls.refusal(() -> cr.listNamespace(new ListNamespaceRequest().setInstanceId(account.personalInstance()))))
                .isEqualTo("NoPermission");
    }
}
