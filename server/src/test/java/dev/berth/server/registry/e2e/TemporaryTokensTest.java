package dev.berth.server.registry.e2e;

import static dev.berth.server.registry.e2e.RegistryAbilities.Operation.LIST_TAGS;
import static dev.berth.server.registry.e2e.RegistryAbilities.Operation.PULL;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.cr20181201.models.GetAuthorizationTokenResponseBody;
import dev.berth.server.SdkCalls;
import dev.berth.server.registry.client.Skopeo.Credentials;
import dev.berth.server.registry.e2e.RegistryAbilities.Operation;
import dev.berth.server.registry.e2e.RegistryAccount.Policy;
import dev.berth.server.registry.e2e.RegistryAccount.SessionKey;
import dev.berth.server.registry.e2e.RegistryAccount.UserKey;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GetAuthorizationToken} (registry.md sections 4 and 5) asked with {@code cr20181201}, signed with a
 * RAM user's AccessKey or a role session's STS credentials: {@code skopeo} signs in as
 * {@code cr_temp_user} with the token and may do exactly what its asker may, for an hour or until the
 * role session ends.
 */
abstract class TemporaryTokensTest extends RunningAccount {
    private static final List<String> REPOSITORIES = List.of("juzhong/nginx", "juzhong/other-repo");
    private static final String SIGN_IN = """
            {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "cr:GetAuthorizationToken", "Resource": "*"}]}""";
    private RegistryAbilities abilities;

    @BeforeAll
    void putTheOwnersImagesAndPolicies() throws Exception {
        account.createNamespace(account.personalInstance(), "juzhong");
        abilities = RegistryAbilities.withOwnersImage(folder, account.endpoint(), account.credentials(), 61, REPOSITORIES);
        account.createPolicy("registry-sign-in", SIGN_IN);
        account.createPolicy("nginx-full", Seed002Policies.SCENARIO_2);
        account.createPolicy("pull-nginx", TestPolicies.pullAndSignIn("juzhong/nginx"));
        account.createRoleTrustingTheAccount("nginx-puller");
        account.attachToRole(Policy.custom("pull-nginx"), "nginx-puller");
    }

    private static Map<String, Set<Operation>> expected(Set<Operation> nginx, Set<Operation> otherRepo) {
        Map<String, Set<Operation>> expected = new LinkedHashMap<>();
        expected.put("juzhong/nginx", nginx);
        expected.put("juzhong/other-repo", otherRepo);
        return expected;
    }

    private static Credentials temporary(GetAuthorizationTokenResponseBody answer) {
        assertThat(answer.getIsSuccess()).isTrue();
        assertThat(answer.getTempUsername()).isEqualTo("cr_temp_user");
        return new Credentials(answer.getTempUsername(), answer.getAuthorizationToken());
    }

    @Test
    void aRamUsersTemporaryTokenLastsAnHourAndMayDoExactlyWhatTheUserMay() throws Exception {
        UserKey builder = account.createUser("builder");
        account.attach(Policy.custom("nginx-full"), builder);
        account.attach(Policy.custom("registry-sign-in"), builder);

        Instant before = Instant.now();
        GetAuthorizationTokenResponseBody answer = account.authorizationToken(account.cr(builder));
        Instant after = Instant.now();
        assertThat(Instant.ofEpochMilli(answer.getExpireTime())).isBetween(before.plus(Duration.ofHours(1)).minusSeconds(2),
                after.plus(Duration.ofHours(1)).plusSeconds(2));

        Credentials token = temporary(answer);
        Map<String, Set<Operation>> userMay = abilities.of(Optional.of(account.registryPassword(builder)), REPOSITORIES);
        assertThat(userMay).containsExactlyEntriesOf(expected(EnumSet.allOf(Operation.class), EnumSet.noneOf(Operation.class)));
        assertThat(abilities.of(Optional.of(token), REPOSITORIES)).containsExactlyEntriesOf(userMay);
    }

    @Test
    void aUserWhosePoliciesDoNotAllowGetAuthorizationTokenIsRefusedOne() throws Exception {
        UserKey user = account.createUser("no-token");
        account.attach(Policy.custom("nginx-full"), user);
        assertThat(SdkCalls.refusal(() -> account.authorizationToken(account.cr(user)))).isEqualTo("NoPermission");
    }

    @Test
    void aRoleSessionsTemporaryTokenHasTheSessionsPermissionsAndEndsWithTheSession() throws Exception {
        UserKey operator = account.createRoleAssumer("operator");
        SessionKey session = account.assumeRole(operator, "nginx-puller", "ci-job", 900, Optional.empty());

        GetAuthorizationTokenResponseBody answer = account.authorizationToken(account.cr(session));
        assertThat(Instant.ofEpochMilli(answer.getExpireTime())).isBetween(session.expiresAt().minusSeconds(1),
                session.expiresAt().plusSeconds(1));
        assertThat(abilities.of(Optional.of(temporary(answer)), REPOSITORIES))
                .containsExactlyEntriesOf(expected(EnumSet.of(PULL, LIST_TAGS), EnumSet.noneOf(Operation.class)));
    }

    @Test
    void aSessionPolicyNarrowsTheTemporaryTokenOfItsSessionAndCannotWidenIt() throws Exception {
        UserKey operator = account.createRoleAssumer("narrow-operator");
        SessionKey session = account.assumeRole(operator, "nginx-puller", "narrow-job", 3600,
                Optional.of(TestPolicies.pullAndSignIn("juzhong/other-repo")));

        Credentials token = temporary(account.authorizationToken(account.cr(session)));
        assertThat(abilities.of(Optional.of(token), REPOSITORIES))
                .containsExactlyEntriesOf(expected(EnumSet.noneOf(Operation.class), EnumSet.noneOf(Operation.class)));
    }
}
