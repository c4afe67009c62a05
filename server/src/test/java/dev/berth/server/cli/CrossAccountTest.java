package dev.berth.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.ram20150501.models.AttachPolicyToUserRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyResponseBody;
import com.aliyun.ram20150501.models.CreateRoleRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.ram20150501.models.GetUserRequest;
import com.aliyun.ram20150501.models.ListUsersRequest;
import com.aliyun.sts20150401.models.AssumeRoleRequest;
import com.aliyun.sts20150401.models.AssumeRoleResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.server.SdkCalls;
import dev.berth.server.TestServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two accounts on one server (the second made with {@code berth account create} while the server
 * runs): neither sees the other's entities, names are per account, and crossing over is possible
 * only through a role whose trust policy admits the caller.
 */
class CrossAccountTest {
    @TempDir
    Path folder;

    @Test
    void accountsAreIsolatedButForRolesThatTrustTheOtherAccount() throws Exception {
        try (TestServers.Started started = TestServers.start(folder, TestServers.Backend.H2)) {
            JsonNode second = createAccount(folder.resolve("data"), "second-account");
            com.aliyun.ram20150501.Client first = ram(started, started.accessKeyId(), started.accessKeySecret(), null);
            com.aliyun.ram20150501.Client other = ram(started, second.get("AccessKeyId").asText(),
                    second.get("AccessKeySecret").asText(), null);
            String otherAccount = second.get("AccountId").asText();
            assertThat(otherAccount).isNotEqualTo(started.accountId());

            first.createUser(new CreateUserRequest().setUserName("alice"));
            other.createUser(new CreateUserRequest().setUserName("alice"));
            other.createUser(new CreateUserRequest().setUserName("olivia"));
            assertThat(SdkCalls.refusal(() -> first.getUser(new GetUserRequest().setUserName("olivia")))).isEqualTo("EntityNotExist.User");
            assertThat(first.listUsers(new ListUsersRequest()).getBody().getUsers().getUser())
                    .extracting(user -> user.getUserName()).containsExactly("alice");

            first.createRole(new CreateRoleRequest().setRoleName("partner-read").setAssumeRolePolicyDocument(
                    "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::" + otherAccount
                            + ":root\"]},\"Action\":\"sts:AssumeRole\"}]}"));
            first.createRole(new CreateRoleRequest().setRoleName("internal").setAssumeRolePolicyDocument(
                    "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::" + started.accountId()
                            + ":root\"]},\"Action\":\"sts:AssumeRole\"}]}"));
            CreateAccessKeyResponseBody.CreateAccessKeyResponseBodyAccessKey oliviaKey =
                    other.createAccessKey(new CreateAccessKeyRequest().setUserName("olivia")).getBody().getAccessKey();
            other.attachPolicyToUser(new AttachPolicyToUserRequest().setPolicyType("System").setPolicyName("AliyunSTSAssumeRoleAccess")
                    .setUserName("olivia"));
            com.aliyun.sts20150401.Client olivia = new com.aliyun.sts20150401.Client(
                    config(started, oliviaKey.getAccessKeyId(), oliviaKey.getAccessKeySecret(), null));

            assertThat(SdkCalls.refusal(() -> olivia.assumeRole(new AssumeRoleRequest()
                    .setRoleArn("acs:ram::" + started.accountId() + ":role/internal").setRoleSessionName("olivia"))))
                    .isEqualTo("NoPermission");
            AssumeRoleResponseBody.AssumeRoleResponseBodyCredentials credentials = olivia.assumeRole(new AssumeRoleRequest()
                    .setRoleArn("acs:ram::" + started.accountId() + ":role/partner-read").setRoleSessionName("olivia"))
                    .getBody().getCredentials();
            com.aliyun.sts20150401.Client session = new com.aliyun.sts20150401.Client(config(started, credentials.getAccessKeyId(),
                    credentials.getAccessKeySecret(), credentials.getSecurityToken()));
            assertThat(session.getCallerIdentity().getBody().getAccountId()).isEqualTo(started.accountId());
        }
    }

    private static JsonNode createAccount(Path data, String alias) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new BerthCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(new StringWriter(), true));
        int exitCode = command.execute("account", "create", "--alias", alias, "--data-dir", data.toString());
        assertThat(exitCode).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    private static com.aliyun.ram20150501.Client ram(TestServers.Started started, String id, String secret, String token) throws Exception {
        return new com.aliyun.ram20150501.Client(config(started, id, secret, token));
    }

    private static Config config(TestServers.Started started, String id, String secret, String token) {
        Config config = new Config().setAccessKeyId(id).setAccessKeySecret(secret).setEndpoint(started.endpoint()).setProtocol("HTTP")
                .setRegionId("cn-hangzhou");
        return token == null ? config : config.setSecurityToken(token);
    }

}
