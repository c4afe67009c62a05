package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.cr20181201.models.GetAuthorizationTokenRequest;
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
import dev.berth.server.TestServers;
import dev.berth.server.registry.client.OciLayouts;
import dev.berth.server.registry.client.Skopeo;
import dev.berth.server.registry.client.Skopeo.Credentials;
import dev.berth.server.registry.e2e.RegistryAccount.Policy;
import dev.berth.server.registry.e2e.RegistryAccount.SessionKey;
import dev.berth.server.registry.e2e.RegistryAccount.UserKey;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Every request is authorized against the policies as they stand when it arrives" (registry.md
 * section 3): a client holding a bearer token from {@code /auth/token} that is still valid is refused
 * on its very next request once the policy that allowed it is detached, the AccessKey behind its
 * temporary token is deactivated, its role loses its policy, its trust policy or ends, or the user leaves
 * the group that carried the policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TokenRevocationTest {
    private static final String MANIFEST = "juzhong/nginx/manifests/" + RegistryAbilities.TAG;
    private static final String PULL_SCOPE = "repository:juzhong/nginx:pull";
    private static final String PULL_AND_SIGN_IN = """
            {"Version": "1", "Statement": [
             {"Effect": "Allow", "Action": "cr:PullRepository", "Resource": "acs:cr:*:*:repository/juzhong/nginx"},
             {"Effect": "Allow", "Action": "cr:GetAuthorizationToken", "Resource": "*"}]}""";

    @TempDir
    static Path folder;
    private static TestServers.Started started;
    private static RegistryAccount account;
    private static RegistryHttp http;

    abstract TestServers.Backend backend();

    @BeforeAll
    void start() throws Exception {
        started = TestServers.start(folder, backend());
        account = RegistryAccount.of(started);
        http = new RegistryHttp(account.endpoint());
        account.createNamespace(account.personalInstance(), "juzhong");
        RegistryAbilities abilities = new RegistryAbilities(Skopeo.create(folder.resolve("skopeo")), account.endpoint(),
                account.credentials(), OciLayouts.build(folder.resolve("pushed"), 82), OciLayouts.build(folder.resolve("doomed"), 83),
                folder.resolve("pulled"));
        abilities.putAsOwner(OciLayouts.build(folder.resolve("owners"), 81), "juzhong/nginx", RegistryAbilities.TAG);
        account.createPolicy("juzhong-full", Seed002Policies.SCENARIO_3);
        account.createPolicy("juzhong-read", Seed002Policies.SCENARIO_1);
        account.createPolicy("pull-and-sign-in", PULL_AND_SIGN_IN);
    }

    @AfterAll
    void stop() throws Exception {
        started.close();
    }

    /** A bearer token granted the pull of {@code juzhong/nginx}, which pulls its manifest now. */
    private static RegistryHttp.Token pullingToken(Credentials credentials) throws Exception {
        RegistryHttp.Token token = http.token(credentials, PULL_SCOPE);
        assertThat(token.scope()).isEqualTo(PULL_SCOPE);
        assertThat(pull(token).statusCode()).isEqualTo(200);
        return token;
    }

    private static HttpResponse<String> pull(RegistryHttp.Token token) throws Exception {
        return http.get(MANIFEST, Optional.of(token.authorization()));
    }

    private static void assertDeniedByNoPolicy(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(403);
        RegistryHttp.OciError error = RegistryHttp.error(answer);
        assertThat(error.code()).isEqualTo("DENIED");
        assertThat(error.detail()).hasValue("`cr:PullRepository` on `acs:cr:cn-hangzhou:" + account.id()
                + ":repository/juzhong/nginx` is refused (no policy allows it)");
    }

    private static void assertSignedOut(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(RegistryHttp.error(answer).code()).isEqualTo("UNAUTHORIZED");
        assertThat(RegistryHttp.challenge(answer)).startsWith("Bearer realm=\"http://" + account.endpoint() + "/auth/token\"");
    }

    @Test
    void aBearerTokenIsRefusedOnTheNextRequestOnceItsPolicyIsDetachedAndAllowedOnceItIsBack() throws Exception {
        UserKey user = account.createUser("detached");
        account.attach(Policy.custom("juzhong-full"), user);
        RegistryHttp.Token token = pullingToken(account.registryPassword(user));

        account.ram().detachPolicyFromUser(new DetachPolicyFromUserRequest().setPolicyType("Custom").setPolicyName("juzhong-full")
                .setUserName(user.userName()));
        assertDeniedByNoPolicy(pull(token));

        account.attach(Policy.custom("juzhong-full"), user);
        assertThat(pull(token).statusCode()).isEqualTo(200);
    }

    @Test
    void aTemporaryTokensBearerTokenIsRefusedOnceTheAccessKeyThatAskedForItIsDeactivated() throws Exception {
        UserKey user = account.createUser("key-holder");
        account.attach(Policy.system("AliyunContainerRegistryReadOnlyAccess"), user);
        Credentials password = account.registryPassword(user);
        String temporary = account.cr(user).getAuthorizationToken(new GetAuthorizationTokenRequest()
                .setInstanceId(account.personalInstance())).getBody().getAuthorizationToken();
        Credentials temporaryUser = new Credentials("cr_temp_user", temporary);
        RegistryHttp.Token token = pullingToken(temporaryUser);

        account.ram().updateAccessKey(new UpdateAccessKeyRequest().setUserName(user.userName()).setUserAccessKeyId(user.accessKeyId())
                .setStatus("Inactive"));
        assertSignedOut(pull(token));
        assertThat(http.tokenAnswer(temporaryUser, PULL_SCOPE).statusCode()).isEqualTo(401);
        assertThat(pull(http.token(password, PULL_SCOPE)).statusCode()).as("the user's own password still works").isEqualTo(200);
    }

    @Test
    void aBearerTokenIsRefusedOnceTheUserLeavesTheGroupThatCarriedThePolicy() throws Exception {
        account.ram().createGroup(new CreateGroupRequest().setGroupName("readers"));
        account.ram().attachPolicyToGroup(new AttachPolicyToGroupRequest().setPolicyType("Custom").setPolicyName("juzhong-read")
                .setGroupName("readers"));
        UserKey user = account.createUser("member");
        account.ram().addUserToGroup(new AddUserToGroupRequest().setGroupName("readers").setUserName(user.userName()));
        RegistryHttp.Token token = pullingToken(account.registryPassword(user));

        account.ram().removeUserFromGroup(new RemoveUserFromGroupRequest().setGroupName("readers").setUserName(user.userName()));
        assertDeniedByNoPolicy(pull(token));
    }

    @Test
    void aRoleSessionsBearerTokenIsRefusedOnceTheRoleLosesItsPolicyAndSignedOutOnceTheRoleIsDeleted() throws Exception {
        account.createRoleTrustingTheAccount("short-lived");
        account.attachToRole(Policy.custom("pull-and-sign-in"), "short-lived");
        SessionKey session = account.assumeRole(assumer("short-lived-operator"), "short-lived", "job", 3600, Optional.empty());
        RegistryHttp.Token token = pullingToken(temporaryToken(session));

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
        UserKey operator = assumer("re-trusted-operator");
        SessionKey session = account.assumeRole(operator, "re-trusted", "job", 3600, Optional.empty());
        RegistryHttp.Token token = pullingToken(temporaryToken(session));

        account.ram().updateRole(new UpdateRoleRequest().setRoleName("re-trusted").setNewAssumeRolePolicyDocument(
                RegistryAccount.trustPolicy("acs:ram::" + account.id() + ":user/someone-else")));
        assertThat(SdkCalls.refusal(() -> account.assumeRole(operator, "re-trusted", "again", 3600, Optional.empty())))
                .isEqualTo("NoPermission");
        assertSignedOut(pull(token));
    }

    private static UserKey assumer(String name) throws Exception {
        UserKey operator = account.createUser(name);
        account.attach(Policy.system("AliyunSTSAssumeRoleAccess"), operator);
        return operator;
    }

    private static Credentials temporaryToken(SessionKey session) throws Exception {
        return new Credentials("cr_temp_user", account.cr(session).getAuthorizationToken(new GetAuthorizationTokenRequest()
                .setInstanceId(account.personalInstance())).getBody().getAuthorizationToken());
    }
}
