package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.ram20150501.models.AddUserToGroupRequest;
import com.aliyun.ram20150501.models.AttachPolicyToGroupRequest;
import com.aliyun.ram20150501.models.CreateGroupRequest;
import com.aliyun.ram20150501.models.DeleteRoleRequest;
import com.aliyun.ram20150501.models.DetachPolicyFromRoleRequest;
import com.aliyun.ram20150501.models.DetachPolicyFromUserRequest;
import com.aliyun.ram20150501.models.RemoveUserFromGroupRequest;
import com.aliyun.ram20150501.models.UpdateAccessKeyRequest;
import com.aliyun.ram20150501.models.UpdateRoleRequest;
import dev.berth.server.SdkCalls;
import dev.berth.server.registry.client.Skopeo.Credentials;
import dev.berth.server.registry.e2e.RegistryAccount.Policy;
import dev.berth.server.registry.e2e.RegistryAccount.SessionKey;
import dev.berth.server.registry.e2e.RegistryAccount.UserKey;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Every request is authorized against the policies as they stand when it arrives" (registry.md
 * section 3): a client holding a bearer token from {@code /auth/token} that is still valid is refused
 * on its very next request once the policy that allowed it is detached, the AccessKey behind its
 * temporary token is deactivated, its role loses its policy, its trust policy or ends, or the user leaves
 * the group that carried the policy.
 */
abstract class TokenRevocationTest extends RunningAccount {
    private static final String MANIFEST = "/v2/juzhong/nginx/manifests/" + RegistryAbilities.TAG;
    private static final String PULL_SCOPE = "repository:juzhong/nginx:pull";

    @BeforeAll
    void putTheOwnersImageAndPolicies() throws Exception {
        account.createNamespace(account.personalInstance(), "juzhong");
        RegistryAbilities.withOwnersImage(folder, account.endpoint(), account.credentials(), 81, List.of("juzhong/nginx"));
        account.createPolicy("juzhong-full", Seed002Policies.SCENARIO_3);
        account.createPolicy("juzhong-read", Seed002Policies.SCENARIO_1);
        account.createPolicy("pull-and-sign-in", TestPolicies.pullAndSignIn("juzhong/nginx"));
    }

    /** A bearer token granted the pull of {@code juzhong/nginx}, which pulls its manifest now. */
    private RobustHttp.Token pullingToken(Credentials credentials) {
        RobustHttp.Token token = registry.signedInAs(credentials).grant(PULL_SCOPE);
        assertThat(token.scope()).isEqualTo(PULL_SCOPE);
        assertThat(pull(token).status()).isEqualTo(200);
        return token;
    }

    private Answer pull(RobustHttp.Token token) {
        return registry.withToken(token.value()).get(MANIFEST, Map.of("Accept", RobustHttp.OCI_INDEX));
    }

    private void assertDeniedByNoPolicy(Answer answer) {
        assertThat(answer.status()).isEqualTo(403);
        RobustHttp.OciError error = answer.error();
        assertThat(error.code()).isEqualTo("DENIED");
        assertThat(error.detail()).hasValue("`cr:PullRepository` on `acs:cr:cn-hangzhou:" + account.id()
                + ":repository/juzhong/nginx` is refused (no policy allows it)");
    }

    private void assertSignedOut(Answer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error().code()).isEqualTo("UNAUTHORIZED");
        assertThat(answer.challenge()).startsWith("Bearer realm=\"http://" + account.endpoint() + "/auth/token\"");
    }

    @Test
    void aBearerTokenIsRefusedOnTheNextRequestOnceItsPolicyIsDetachedAndAllowedOnceItIsBack() throws Exception {
        UserKey user = account.createUser("detached");
        account.attach(Policy.custom("juzhong-full"), user);
        RobustHttp.Token token = pullingToken(account.registryPassword(user));

        account.ram().detachPolicyFromUser(new DetachPolicyFromUserRequest().setPolicyType("Custom").setPolicyName("juzhong-full")
                .setUserName(user.userName()));
        assertDeniedByNoPolicy(pull(token));

        account.attach(Policy.custom("juzhong-full"), user);
        assertThat(pull(token).status()).isEqualTo(200);
    }

    @Test
    void aTemporaryTokensBearerTokenIsRefusedOnceTheAccessKeyThatAskedForItIsDeactivated() throws Exception {
        UserKey user = account.createUser("key-holder");
        account.attach(Policy.system("AliyunContainerRegistryReadOnlyAccess"), user);
        Credentials password = account.registryPassword(user);
        String temporary = account.authorizationToken(account.cr(user)).getAuthorizationToken();
        Credentials temporaryUser = new Credentials("cr_temp_user", temporary);
        RobustHttp.Token token = pullingToken(temporaryUser);

        account.ram().updateAccessKey(new UpdateAccessKeyRequest().setUserName(user.userName()).setUserAccessKeyId(user.accessKeyId())
                .setStatus("Inactive"));
        assertSignedOut(pull(token));
        assertThat(registry.signedInAs(temporaryUser).tokenAnswer(PULL_SCOPE).status()).isEqualTo(401);
        assertThat(pull(registry.signedInAs(password).grant(PULL_SCOPE)).status()).as("the user's own password still works").isEqualTo(200);
    }

    @Test
    void aBearerTokenIsRefusedOnceTheUserLeavesTheGroupThatCarriedThePolicy() throws Exception {
        account.ram().createGroup(new CreateGroupRequest().setGroupName("readers"));
        account.ram().attachPolicyToGroup(new AttachPolicyToGroupRequest().setPolicyType("Custom").setPolicyName("juzhong-read")
                .setGroupName("readers"));
        UserKey user = account.createUser("member");
        account.ram().addUserToGroup(new AddUserToGroupRequest().setGroupName("readers").setUserName(user.userName()));
        RobustHttp.Token token = pullingToken(account.registryPassword(user));

        account.ram().removeUserFromGroup(new RemoveUserFromGroupRequest().setGroupName("readers").setUserName(user.userName()));
        assertDeniedByNoPolicy(pull(token));
    }

    @Test
    void aRoleSessionsBearerTokenIsRefusedOnceTheRoleLosesItsPolicyAndSignedOutOnceTheRoleIsDeleted() throws Exception {
        account.createRoleTrustingTheAccount("short-lived");
        account.attachToRole(Policy.custom("pull-and-sign-in"), "short-lived");
        SessionKey session = account.assumeRole(account.createRoleAssumer("short-lived-operator"), "short-lived", "job", 3600, Optional.empty());
        RobustHttp.Token token = pullingToken(temporaryToken(session));

        account.ram().detachPolicyFromRole(new DetachPolicyFromRoleRequest().setPolicyType("Custom").setPolicyName("pull-and-sign-in")
                .setRoleName("short-lived"));
        assertDeniedByNoPolicy(pull(token));
        account.ram().deleteRole(new DeleteRoleRequest().setRoleName("short-lived"));
        assertSignedOut(pull(token));
    }

    /**
     * registry.md section 3 lists "editing a role's trust policy" among the changes that take effect on
     * the next request, also for tokens already issued: a new trust policy ends the role's sessions.
     */
    @Test
    void aRoleSessionsBearerTokenIsRefusedOnceTheTrustPolicyNoLongerAdmitsWhoeverAssumedIt() throws Exception {
        account.createRoleTrustingTheAccount("re-trusted");
        account.attachToRole(Policy.custom("pull-and-sign-in"), "re-trusted");
        UserKey operator = account.createRoleAssumer("re-trusted-operator");
        SessionKey session = account.assumeRole(operator, "re-trusted", "job", 3600, Optional.empty());
        RobustHttp.Token token = pullingToken(temporaryToken(session));

        account.ram().updateRole(new UpdateRoleRequest().setRoleName("re-trusted").setNewAssumeRolePolicyDocument(
                TestPolicies.trustPolicy("acs:ram::" + account.id() + ":user/someone-else")));
        assertThat(SdkCalls.refusal(() -> account.assumeRole(operator, "re-trusted", "again", 3600, Optional.empty())))
                .isEqualTo("NoPermission");
        assertSignedOut(pull(token));
    }

    private Credentials temporaryToken(SessionKey session) throws Exception {
        return new Credentials("cr_temp_user", account.authorizationToken(account.cr(session)).getAuthorizationToken());
    }
}
