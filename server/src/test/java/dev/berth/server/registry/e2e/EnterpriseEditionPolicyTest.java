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
import dev.berth.server.registry.client.Skopeo.Credentials;
import dev.berth.server.registry.e2e.RegistryAbilities.Operation;
import dev.berth.server.registry.e2e.RegistryAccount.Policy;
import dev.berth.server.registry.e2e.RegistryAccount.UserKey;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 004 against a running Berth: an Enterprise Edition instance ({@code CreateInstance}, Basic) with
 * the namespaces {@code ns} and {@code ops}, and the seed's policy, verbatim but for {@code $instanceid}
 * and {@code $namespace}. The RAM user works in {@code <instance-id>/ns/...} with {@code skopeo} on the
 * server's own address (registry.md section 2) and nowhere else: not in {@code ops}, not in the
 * account's Personal Edition instance.
 */
abstract class EnterpriseEditionPolicyTest extends RunningAccount {
    /** Seed 004's policy ({@code /work/shared/seeds/004_*.txt}) with its two placeholders. */
    static final String SEED_004 = """
            { "Statement": [ { "Effect": "Allow", "Action": [ "cr:ListInstance*", "cr:GetInstance*", "cr:ListSignature*" ], \
            "Resource": "*" }, { "Action": [ "cr:*" ], "Effect": "Allow", "Resource": [ "acs:cr:*:*:repository/$instanceid/$namespace/*", \
            "acs:cr:*:*:repository/$instanceid/$namespace" ] }, { "Action": [ "cr:List*" ], "Effect": "Allow", "Resource": [ \
            "acs:cr:*:*:repository/$instanceid/*", "acs:cr:*:*:repository/$instanceid/*/*" ] } ], "Version": "1" }""";

    private RegistryAbilities abilities;
    private String instance;
    private UserKey developer;
    private Credentials developerCredentials;

    @BeforeAll
    void createTheInstanceAndItsDeveloper() throws Exception {
        instance = account.createInstance("team-registry", "Basic");
        account.createNamespace(instance, "ns");
        account.createNamespace(instance, "ops");
        abilities = RegistryAbilities.withOwnersImage(folder, account.endpoint(), account.credentials(), 41,
                List.of(instance + "/ns/app", instance + "/ops/app", "library/app"));
        account.createPolicy("team-ns", SEED_004.replace("$instanceid", instance).replace("$namespace", "ns"));
        developer = account.createUser("developer");
        account.attach(Policy.custom("team-ns"), developer);
        developerCredentials = account.registryPassword(developer, instance);
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
        Answer pull = registry.signedInAs(developerCredentials).get("/v2/" + instance + "/ops/app/manifests/" + RegistryAbilities.TAG,
                Map.of("Accept", RobustHttp.OCI_INDEX));
        assertThat(pull.status()).isEqualTo(403);
        assertThat(pull.error().detail()).hasValue("`cr:PullRepository` on `acs:cr:cn-hangzhou:" + account.id()
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
        String digest = abilities.owners().images().get(0).config().digest().toString();

        Answer mount = registry.signedInAs(developerCredentials).post("/v2/" + instance + "/ns/mounted/blobs/uploads/?mount=" + digest
                + "&from=" + other + "/ops/app");

        assertThat(mount.status()).as("%s", mount).isEqualTo(202);
        assertThat(registry.get("/v2/" + instance + "/ns/mounted/blobs/" + digest).status()).isEqualTo(404);
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
