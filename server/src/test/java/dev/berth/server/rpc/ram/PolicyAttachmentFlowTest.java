package dev.berth.server.rpc.ram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.ram20150501.Client;
import com.aliyun.ram20150501.models.AddUserToGroupRequest;
import com.aliyun.ram20150501.models.AttachPolicyToGroupRequest;
import com.aliyun.ram20150501.models.AttachPolicyToUserRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyResponseBody;
import com.aliyun.ram20150501.models.CreateGroupRequest;
import com.aliyun.ram20150501.models.CreatePolicyRequest;
import com.aliyun.ram20150501.models.CreatePolicyVersionRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.ram20150501.models.DeleteGroupRequest;
import com.aliyun.ram20150501.models.DeletePolicyRequest;
import com.aliyun.ram20150501.models.DeleteUserRequest;
import com.aliyun.ram20150501.models.DetachPolicyFromUserRequest;
import com.aliyun.ram20150501.models.GetPolicyRequest;
import com.aliyun.ram20150501.models.GetUserRequest;
import com.aliyun.ram20150501.models.ListEntitiesForPolicyRequest;
import com.aliyun.ram20150501.models.ListGroupsForUserRequest;
import com.aliyun.ram20150501.models.ListPoliciesForUserRequest;
import com.aliyun.ram20150501.models.ListPoliciesRequest;
import com.aliyun.ram20150501.models.ListPoliciesResponseBody;
import com.aliyun.ram20150501.models.ListPolicyVersionsRequest;
import com.aliyun.ram20150501.models.ListUsersRequest;
import com.aliyun.ram20150501.models.RemoveUserFromGroupRequest;
import com.aliyun.ram20150501.models.SetDefaultPolicyVersionRequest;
import com.aliyun.ram20150501.models.UpdateAccessKeyRequest;
import com.aliyun.ram20150501.models.UpdatePolicyDescriptionRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.server.SdkCalls;
import dev.berth.server.TestServers;
import dev.berth.server.runtime.BerthServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A RAM user is refused, allowed once a policy is attached, governed by whichever version is the
 * default at the moment of each request, and refused again the moment the policy is detached or
 * the key deactivated; driven by Alibaba's {@code ram20150501} SDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PolicyAttachmentFlowTest {
    private static final String USER_READ_V1 = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ram:GetUser\","
            + "\"Resource\":\"acs:ram:*:*:user/alice\"}]}";
    private static final String USER_READ_V2 = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ram:Get*\"],"
            + "\"Resource\":\"*\"}]}";
    private static final String USER_READ_V3 = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"ram:*\",\"Resource\":\"*\"}]}";

    @TempDir
    static Path folder;
    private static BerthServer server;
    private static TestServers.Started started;
    private static Client account;

    /** Where the server under test keeps its metadata. */
    abstract TestServers.Backend backend();

    @BeforeAll
    void start() throws Exception {
        started = TestServers.start(folder, backend());
        server = started.server();
        JsonNode root = started.credentials();
        account = ram(root.get("AccessKeyId").asText(), root.get("AccessKeySecret").asText());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aUserIsAllowedExactlyWhileAPolicyIsAttachedAndItsKeyIsActive() throws Exception {
        account.createUser(new CreateUserRequest().setUserName("bob"));
        CreateAccessKeyResponseBody.CreateAccessKeyResponseBodyAccessKey key =
                account.createAccessKey(new CreateAccessKeyRequest().setUserName("bob")).getBody().getAccessKey();
        Client bob = ram(key.getAccessKeyId(), key.getAccessKeySecret());

        account.createPolicy(new CreatePolicyRequest().setPolicyName("read-users").setPolicyDocument(USER_READ_V1)
                .setDescription("reads users"));
        account.createPolicyVersion(new CreatePolicyVersionRequest().setPolicyName("read-users").setPolicyDocument(USER_READ_V2)
                .setSetAsDefault(true));
        account.createPolicyVersion(new CreatePolicyVersionRequest().setPolicyName("read-users").setPolicyDocument(USER_READ_V3));
        assertThat(account.listPolicyVersions(new ListPolicyVersionsRequest().setPolicyName("read-users").setPolicyType("Custom"))
                .getBody().getPolicyVersions().getPolicyVersion()).extracting(version -> version.getVersionId())
                .containsExactly("v1", "v2", "v3");
        assertThat(account.getPolicy(new GetPolicyRequest().setPolicyName("read-users").setPolicyType("Custom")).getBody()
                .getDefaultPolicyVersion().getVersionId()).isEqualTo("v2");

        assertThat(SdkCalls.refusal(() -> bob.getUser(new GetUserRequest().setUserName("bob")))).isEqualTo("NoPermission");

        account.attachPolicyToUser(new AttachPolicyToUserRequest().setPolicyType("Custom").setPolicyName("read-users").setUserName("bob"));
        assertThat(bob.getUser(new GetUserRequest().setUserName("bob")).getBody().getUser().getUserName()).isEqualTo("bob");
        assertThat(SdkCalls.refusal(() -> bob.createUser(new CreateUserRequest().setUserName("mallory")))).isEqualTo("NoPermission");
        assertThat(account.listPoliciesForUser(new ListPoliciesForUserRequest().setUserName("bob")).getBody().getPolicies()
                .getPolicy()).extracting(policy -> policy.getPolicyName()).containsExactly("read-users");

        account.setDefaultPolicyVersion(new SetDefaultPolicyVersionRequest().setPolicyName("read-users").setVersionId("v1"));
        assertThat(SdkCalls.refusal(() -> bob.getUser(new GetUserRequest().setUserName("bob")))).isEqualTo("NoPermission");
        account.setDefaultPolicyVersion(new SetDefaultPolicyVersionRequest().setPolicyName("read-users").setVersionId("v3"));
        TeaException denied = SdkCalls.refused(() -> bob.getUser(new GetUserRequest().setUserName("bob")));
        assertThat(denied.getMessage()).contains("an explicit deny");
        account.setDefaultPolicyVersion(new SetDefaultPolicyVersionRequest().setPolicyName("read-users").setVersionId("v2"));
        assertThat(bob.getUser(new GetUserRequest().setUserName("bob")).getBody().getUser().getUserName()).isEqualTo("bob");

        assertThat(SdkCalls.refusal(() -> account.deletePolicy(new DeletePolicyRequest().setPolicyName("read-users"))))
                .isEqualTo("DeleteConflict.Policy.Attachment");
        account.detachPolicyFromUser(new DetachPolicyFromUserRequest().setPolicyType("Custom").setPolicyName("read-users")
                .setUserName("bob"));
        assertThat(SdkCalls.refusal(() -> bob.getUser(new GetUserRequest().setUserName("bob")))).isEqualTo("NoPermission");

        account.attachPolicyToUser(new AttachPolicyToUserRequest().setPolicyType("System").setPolicyName("AliyunRAMReadOnlyAccess")
                .setUserName("bob"));
        assertThat(bob.listUsers(new ListUsersRequest()).getBody().getUsers().getUser()).isNotEmpty();
        account.updateAccessKey(new UpdateAccessKeyRequest().setUserName("bob").setUserAccessKeyId(key.getAccessKeyId())
                .setStatus("Inactive"));
        assertThat(SdkCalls.refusal(() -> bob.listUsers(new ListUsersRequest()))).isEqualTo("InvalidAccessKeyId.Inactive");
    }

    @Test
    void aUserHoldsTheGroupsPoliciesExactlyWhileAMember() throws Exception {
        account.createUser(new CreateUserRequest().setUserName("dave"));
        CreateAccessKeyResponseBody.CreateAccessKeyResponseBodyAccessKey key =
                account.createAccessKey(new CreateAccessKeyRequest().setUserName("dave")).getBody().getAccessKey();
        Client dave = ram(key.getAccessKeyId(), key.getAccessKeySecret());
        account.createGroup(new CreateGroupRequest().setGroupName("devs").setComments("developers"));
        account.attachPolicyToGroup(new AttachPolicyToGroupRequest().setPolicyType("System").setPolicyName("AliyunRAMReadOnlyAccess")
                .setGroupName("devs"));
        assertThat(SdkCalls.refusal(() -> dave.listUsers(new ListUsersRequest()))).isEqualTo("NoPermission");

        account.addUserToGroup(new AddUserToGroupRequest().setGroupName("DEVS").setUserName("dave"));
        assertThat(dave.listUsers(new ListUsersRequest()).getBody().getUsers().getUser()).isNotEmpty();
        assertThat(account.listGroupsForUser(new ListGroupsForUserRequest().setUserName("dave")).getBody().getGroups().getGroup())
                .extracting(group -> group.getGroupName()).containsExactly("devs");
        assertThat(SdkCalls.refusal(() -> account.deleteUser(new DeleteUserRequest().setUserName("dave")))).isEqualTo("DeleteConflict.User.Group");
        assertThat(SdkCalls.refusal(() -> account.deleteGroup(new DeleteGroupRequest().setGroupName("devs")))).isEqualTo("DeleteConflict.Group.User");

        account.removeUserFromGroup(new RemoveUserFromGroupRequest().setGroupName("devs").setUserName("dave"));
        assertThat(SdkCalls.refusal(() -> dave.listUsers(new ListUsersRequest()))).isEqualTo("NoPermission");
        assertThat(SdkCalls.refusal(() -> account.deleteGroup(new DeleteGroupRequest().setGroupName("devs")))).isEqualTo("DeleteConflict.Group.Policy");
    }

    @Test
    void policiesAreAttachedAtTheScopeOfAnExistingResourceGroup() throws Exception {
        JsonNode created = new ObjectMapper().readTree(resourceManager("CreateResourceGroup", Map.of("Name", "team-a",
                "DisplayName", "Team A")));
        String groupId = created.at("/ResourceGroup/Id").asText();
        assertThat(groupId).startsWith("rg-");
        JsonNode listed = new ObjectMapper().readTree(resourceManager("ListResourceGroups", Map.of()));
        assertThat(listed.at("/ResourceGroups/ResourceGroup").findValuesAsText("Name")).contains("default", "team-a");

        account.createUser(new CreateUserRequest().setUserName("erin"));
        common("2015-05-01", "AttachPolicyToUser", Map.of("PolicyType", "System", "PolicyName", "AliyunContainerRegistryFullAccess",
                "UserName", "erin", "ResourceGroupId", groupId));
        assertThat(account.listPoliciesForUser(new ListPoliciesForUserRequest().setUserName("erin")).getBody().getPolicies().getPolicy())
                .extracting(policy -> policy.getPolicyName()).containsExactly("AliyunContainerRegistryFullAccess");
        assertThatThrownBy(() -> common("2015-05-01", "AttachPolicyToUser", Map.of("PolicyType", "System",
                "PolicyName", "AliyunContainerRegistryFullAccess", "UserName", "erin", "ResourceGroupId", "rg-nothing")))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.getErrCode()).isEqualTo("EntityNotExist.ResourceGroup"));

        String defaultId = listed.at("/ResourceGroups/ResourceGroup").findParents("Name").stream()
                .filter(group -> group.get("Name").asText().equals("default")).findFirst().orElseThrow().get("Id").asText();
        assertThatThrownBy(() -> resourceManager("DeleteResourceGroup", Map.of("ResourceGroupId", defaultId)))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.getErrCode()).isEqualTo("DeleteConflict.ResourceGroup.Default"));
        assertThat(resourceManager("GetResourceGroup", Map.of("ResourceGroupId", groupId))).contains("\"team-a\"");
    }

    private static String resourceManager(String action, Map<String, String> parameters) throws ClientException {
        return common("2020-03-31", action, parameters);
    }

    private static String common(String version, String action, Map<String, String> parameters) throws ClientException {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysDomain(server.uri().getHost() + ":" + server.uri().getPort());
        request.setSysVersion(version);
        request.setSysAction(action);
        parameters.forEach(request::putQueryParameter);
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", started.accessKeyId(),
                started.accessKeySecret()));
        return client.getCommonResponse(request).getData();
    }

    @Test
    void theSystemPoliciesAreListedInPages() throws Exception {
        List<String> names = new ArrayList<>();
        String marker = null;
        do {
            ListPoliciesRequest request = new ListPoliciesRequest().setPolicyType("System").setMaxItems(3);
            ListPoliciesResponseBody page = account.listPolicies(marker == null ? request : request.setMarker(marker)).getBody();
            page.getPolicies().getPolicy().forEach(policy -> names.add(policy.getPolicyName()));
            marker = page.getIsTruncated() ? page.getMarker() : null;
        } while (marker != null);
        assertThat(names).containsExactly("AdministratorAccess", "AliyunContainerRegistryCustomizedDomainRolePolicy",
                "AliyunContainerRegistryFullAccess", "AliyunContainerRegistryReadOnlyAccess", "AliyunRAMFullAccess",
                "AliyunRAMReadOnlyAccess", "AliyunSTSAssumeRoleAccess", "AliyunYundunCertReadOnlyAccess");
    }

    @Test
    void aMalformedPolicyIsRefusedWithWhereAndWhat() {
        TeaException refused = SdkCalls.refused(() -> account.createPolicy(new CreatePolicyRequest().setPolicyName("bad")
                .setPolicyDocument("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")));
        assertThat(refused.getCode()).isEqualTo("MalformedPolicyDocument");
        assertThat(refused.getMessage()).contains("statement 0: `Effect` must be \"Allow\" or \"Deny\", got `allow`");
        assertThat(SdkCalls.refusal(() -> account.createPolicy(new CreatePolicyRequest().setPolicyName("big")
                .setPolicyDocument("{\"Version\":\"1\",\"Statement\":[{\"Sid\":\"" + "x".repeat(6200)
                        + "\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")))).isEqualTo("MalformedPolicyDocument");
        assertThat(SdkCalls.refusal(() -> account.getPolicy(new GetPolicyRequest().setPolicyName("nothing").setPolicyType("Custom"))))
                .isEqualTo("EntityNotExist.Policy");
    }

    private static Client ram(String accessKeyId, String secret) throws Exception {
        return new Client(new Config().setAccessKeyId(accessKeyId).setAccessKeySecret(secret)
                .setEndpoint(server.uri().getHost() + ":" + server.uri().getPort()).setProtocol("HTTP").setRegionId("cn-hangzhou"));
    }

}
