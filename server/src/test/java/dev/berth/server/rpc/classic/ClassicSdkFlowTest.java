package dev.berth.server.rpc.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyResponse;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import com.aliyuncs.ram.model.v20150501.GetUserRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import dev.berth.server.TestServers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classic generation of Alibaba's SDKs, {@code aliyun-java-sdk-core} with {@code aliyun-java-sdk-ram}
 * and {@code aliyun-java-sdk-sts} and their typed models, unchanged but for the endpoint: a user, a
 * key, a role that trusts the user, {@code AssumeRole}, and the session's identity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClassicSdkFlowTest {
    @TempDir
    static Path folder;
    private TestServers.Started started;

    /** Where the server under test keeps its metadata. */
    abstract TestServers.Backend backend();

    @BeforeAll
    void start() throws Exception {
        started = TestServers.start(folder, backend());
    }

    @AfterAll
    void stop() throws Exception {
        started.close();
    }

    @Test
    void theClassicModelsManageAUserAndAssumeARole() throws Exception {
        DefaultAcsClient account = client(started.accessKeyId(), started.accessKeySecret(), null);
        assertThat(account.getAcsResponse(endpoint(userRequest("gina"))).getUser().getUserName()).isEqualTo("gina");
        CreateAccessKeyRequest keyRequest = endpoint(new CreateAccessKeyRequest());
        keyRequest.setUserName("gina");
        CreateAccessKeyResponse.AccessKey key = account.getAcsResponse(keyRequest).getAccessKey();
        AttachPolicyToUserRequest attach = endpoint(new AttachPolicyToUserRequest());
        attach.setPolicyType("System");
        attach.setPolicyName("AliyunSTSAssumeRoleAccess");
        attach.setUserName("gina");
        account.getAcsResponse(attach);
        CreateRoleRequest role = endpoint(new CreateRoleRequest());
        role.setRoleName("classic");
        role.setAssumeRolePolicyDocument("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"RAM\":\"acs:ram::"
                + started.accountId() + ":user/gina\"},\"Action\":\"sts:AssumeRole\"}]}");
        account.getAcsResponse(role);

        DefaultAcsClient gina = client(key.getAccessKeyId(), key.getAccessKeySecret(), null);
        GetUserRequest getUser = endpoint(new GetUserRequest());
        getUser.setUserName("gina");
        assertThatThrownBy(() -> gina.getAcsResponse(getUser))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.getErrCode()).isEqualTo("NoPermission"));

        AssumeRoleRequest assume = endpoint(new AssumeRoleRequest());
        assume.setRoleArn("acs:ram::" + started.accountId() + ":role/classic");
        assume.setRoleSessionName("classic-session");
        AssumeRoleResponse.Credentials credentials = gina.getAcsResponse(assume).getCredentials();
        DefaultAcsClient session = client(credentials.getAccessKeyId(), credentials.getAccessKeySecret(), credentials.getSecurityToken());
        GetCallerIdentityResponse identity = session.getAcsResponse(endpoint(new GetCallerIdentityRequest()));
        assertThat(identity.getIdentityType()).isEqualTo("AssumedRoleUser");
        assertThat(identity.getArn()).isEqualTo("acs:ram::" + started.accountId() + ":role/classic/classic-session");
    }

    private static CreateUserRequest userRequest(String name) {
        CreateUserRequest request = new CreateUserRequest();
        request.setUserName(name);
        return request;
    }

    private <R extends AcsRequest<?>> R endpoint(R request) {
        request.setSysEndpoint(started.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        return request;
    }

    private static DefaultAcsClient client(String accessKeyId, String secret, String securityToken) {
        DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", accessKeyId, secret);
        return securityToken == null ? new DefaultAcsClient(profile)
                : new DefaultAcsClient(profile, new StaticCredentialsProvider(new BasicSessionCredentials(accessKeyId, secret, securityToken)));
    }
}
