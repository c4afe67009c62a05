package dev.berth.server.rpc.sts;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.ram20150501.models.AttachPolicyToRoleRequest;
import com.aliyun.ram20150501.models.AttachPolicyToUserRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyResponseBody;
import com.aliyun.ram20150501.models.CreateRoleRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.ram20150501.models.GetUserRequest;
import com.aliyun.ram20150501.models.ListUsersRequest;
import com.aliyun.sts20150401.Client;
import com.aliyun.sts20150401.models.AssumeRoleRequest;
import com.aliyun.sts20150401.models.AssumeRoleResponseBody;
import com.aliyun.sts20150401.models.GetCallerIdentityResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.server.SdkCalls;
import dev.berth.server.TestServers;
import dev.berth.server.runtime.BerthServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 001's example: a role trusting the RAM user Alice, assumed with STS once Alice may call
 * {@code sts:AssumeRole}; the session acts with the role's policies, narrowed by a session policy;
 * everyone else, the account itself included, is refused. Driven by {@code sts20150401} and
 * {@code ram20150501}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AssumeRoleFlowTest {
    @TempDir
    static Path folder;
    private static BerthServer server;
    private static TestServers.Started started;
    private static String accountId;
    private static com.aliyun.ram20150501.Client account;
    private static Client accountSts;

    /** Where the server under test keeps its metadata. */
    abstract TestServers.Backend backend();

    @BeforeAll
    void start() throws Exception {
        started = TestServers.start(folder, backend());
        server = started.server();
        JsonNode root = started.credentials();
        accountId = root.get("AccountId").asText();
        account = new com.aliyun.ram20150501.Client(config(root.get("AccessKeyId").asText(), root.get("AccessKeySecret").asText(), null));
        accountSts = new Client(config(root.get("AccessKeyId").asText(), root.get("AccessKeySecret").asText(), null));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aliceAssumesTheRoleThatTrustsHerAndActsWithItsPoliciesOnly() throws Exception {
        Client alice = sts(userWithKey("Alice"));
        Client bob = sts(userWithKey("Bob"));
        account.createRole(new CreateRoleRequest().setRoleName("bucket-admin").setAssumeRolePolicyDocument(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"RAM\":\"acs:ram::" + accountId
                        + ":user/Alice\"},\"Action\":\"sts:AssumeRole\"}]}"));
        account.attachPolicyToRole(new AttachPolicyToRoleRequest().setPolicyType("System").setPolicyName("AliyunRAMReadOnlyAccess")
                .setRoleName("bucket-admin"));
        String roleArn = "acs:ram::" + accountId + ":role/bucket-admin";

        assertThat(SdkCalls.refusal(() -> alice.assumeRole(new AssumeRoleRequest().setRoleArn(roleArn).setRoleSessionName("alice-session"))))
                .isEqualTo("NoPermission");
        for (String user : new String[] {"Alice", "Bob"}) {
            account.attachPolicyToUser(new AttachPolicyToUserRequest().setPolicyType("System").setPolicyName("AliyunSTSAssumeRoleAccess")
                    .setUserName(user));
        }
        AssumeRoleResponseBody assumed = alice.assumeRole(new AssumeRoleRequest().setRoleArn(roleArn)
                .setRoleSessionName("alice-session").setDurationSeconds(900L)).getBody();
        assertThat(assumed.getCredentials().getAccessKeyId()).startsWith("STS.");
        assertThat(assumed.getAssumedRoleUser().getArn()).isEqualTo(roleArn + "/alice-session");

        AssumeRoleResponseBody.AssumeRoleResponseBodyCredentials credentials = assumed.getCredentials();
        Config sessionConfig = config(credentials.getAccessKeyId(), credentials.getAccessKeySecret(), credentials.getSecurityToken());
        GetCallerIdentityResponseBody identity = new Client(sessionConfig).getCallerIdentity().getBody();
        assertThat(identity.getIdentityType()).isEqualTo("AssumedRoleUser");
        assertThat(identity.getArn()).isEqualTo(roleArn + "/alice-session");
        com.aliyun.ram20150501.Client session = new com.aliyun.ram20150501.Client(sessionConfig);
        assertThat(session.listUsers(new ListUsersRequest()).getBody().getUsers().getUser())
                .extracting(user -> user.getUserName()).contains("Alice", "Bob");
        assertThat(SdkCalls.refusal(() -> session.createUser(new CreateUserRequest().setUserName("eve")))).isEqualTo("NoPermission");

        assertThat(SdkCalls.refusal(() -> bob.assumeRole(new AssumeRoleRequest().setRoleArn(roleArn).setRoleSessionName("bob-session"))))
                .isEqualTo("NoPermission");
        assertThat(SdkCalls.refusal(() -> accountSts.assumeRole(new AssumeRoleRequest().setRoleArn(roleArn).setRoleSessionName("root"))))
                .isEqualTo("NoPermission");
        assertThat(SdkCalls.refusal(() -> alice.assumeRole(new AssumeRoleRequest().setRoleArn(roleArn).setRoleSessionName("x")
                .setDurationSeconds(899L)))).isEqualTo("InvalidParameter.RoleSessionName");
        assertThat(SdkCalls.refusal(() -> alice.assumeRole(new AssumeRoleRequest().setRoleArn(roleArn).setRoleSessionName("alice-session")
                .setDurationSeconds(899L)))).isEqualTo("InvalidParameter.DurationSeconds");
        assertThat(SdkCalls.refusal(() -> alice.assumeRole(new AssumeRoleRequest().setRoleArn(roleArn).setRoleSessionName("alice-session")
                .setDurationSeconds(3601L)))).isEqualTo("InvalidParameter.DurationSeconds");
        assertThat(SdkCalls.refusal(() -> alice.assumeRole(new AssumeRoleRequest().setRoleArn("acs:ram::" + accountId + ":role/nothing")
                .setRoleSessionName("alice-session")))).isEqualTo("EntityNotExist.Role");

        Config forged = config(credentials.getAccessKeyId(), credentials.getAccessKeySecret(), "CAISforged");
        assertThat(SdkCalls.refusal(() -> new Client(forged).getCallerIdentity())).isEqualTo("InvalidSecurityToken.Malformed");
    }

    @Test
    void aSessionPolicyNarrowsTheRole() throws Exception {
        Client carol = sts(userWithKey("carol"));
        account.attachPolicyToUser(new AttachPolicyToUserRequest().setPolicyType("System").setPolicyName("AliyunSTSAssumeRoleAccess")
                .setUserName("carol"));
        account.createRole(new CreateRoleRequest().setRoleName("reader").setAssumeRolePolicyDocument(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"RAM\":\"acs:ram::" + accountId
                        + ":root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"abcd1234\"}}}]}"));
        account.attachPolicyToRole(new AttachPolicyToRoleRequest().setPolicyType("System").setPolicyName("AliyunRAMReadOnlyAccess")
                .setRoleName("reader"));
        String roleArn = "acs:ram::" + accountId + ":role/reader";
        assertThat(SdkCalls.refusal(() -> carol.assumeRole(new AssumeRoleRequest().setRoleArn(roleArn).setRoleSessionName("carol-session"))))
                .isEqualTo("NoPermission");
        assertThat(SdkCalls.refusal(() -> carol.assumeRole(new AssumeRoleRequest().setRoleArn(roleArn).setRoleSessionName("carol-session")
                .setExternalId("abcd1234").setPolicy("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"allow\"}]}"))))
                .isEqualTo("InvalidParameter.PolicyGrammar");
        AssumeRoleResponseBody.AssumeRoleResponseBodyCredentials credentials = carol.assumeRole(new AssumeRoleRequest()
                .setRoleArn(roleArn).setRoleSessionName("carol-session").setExternalId("abcd1234")
                .setPolicy("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ram:GetUser\",\"Resource\":\"*\"}]}"))
                .getBody().getCredentials();
        com.aliyun.ram20150501.Client session = new com.aliyun.ram20150501.Client(
                config(credentials.getAccessKeyId(), credentials.getAccessKeySecret(), credentials.getSecurityToken()));
        assertThat(session.getUser(new GetUserRequest().setUserName("carol")).getBody().getUser().getUserName()).isEqualTo("carol");
        assertThat(SdkCalls.refusal(() -> session.listUsers(new ListUsersRequest()))).isEqualTo("NoPermission");
    }

    private static CreateAccessKeyResponseBody.CreateAccessKeyResponseBodyAccessKey userWithKey(String name) throws Exception {
        account.createUser(new CreateUserRequest().setUserName(name));
        return account.createAccessKey(new CreateAccessKeyRequest().setUserName(name)).getBody().getAccessKey();
    }

    private static Client sts(CreateAccessKeyResponseBody.CreateAccessKeyResponseBodyAccessKey key) throws Exception {
        return new Client(config(key.getAccessKeyId(), key.getAccessKeySecret(), null));
    }

    private static Config config(String accessKeyId, String secret, String securityToken) {
        Config config = new Config().setAccessKeyId(accessKeyId).setAccessKeySecret(secret)
                .setEndpoint(server.uri().getHost() + ":" + server.uri().getPort()).setProtocol("HTTP").setRegionId("cn-hangzhou");
        return securityToken == null ? config : config.setSecurityToken(securityToken);
    }

}
