package dev.berth.server.rpc.ram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.ram20150501.Client;
import com.aliyun.ram20150501.models.ChangePasswordRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyResponseBody;
import com.aliyun.ram20150501.models.CreateLoginProfileRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.ram20150501.models.DeleteAccessKeyRequest;
import com.aliyun.ram20150501.models.DeleteUserRequest;
import com.aliyun.ram20150501.models.GetLoginProfileRequest;
import com.aliyun.ram20150501.models.GetUserRequest;
import com.aliyun.ram20150501.models.ListUsersRequest;
import com.aliyun.ram20150501.models.SetAccountAliasRequest;
import com.aliyun.ram20150501.models.ListUsersResponseBody;
import com.aliyun.ram20150501.models.UpdateAccessKeyRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.server.SdkCalls;
import dev.berth.server.TestServers;
import dev.berth.server.runtime.BerthServer;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account manages RAM users and their AccessKeys with Alibaba's {@code ram20150501} SDK (signature
 * V3) and the classic core SDK (V1); a user's own key signs in, is refused what no policy allows, and
 * stops working the moment it is made inactive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RamUserFlowTest {
    @TempDir
    static Path folder;
    private static BerthServer server;
    private static TestServers.Started started;
    private static JsonNode root;

    /** Where the server under test keeps its metadata. */
    abstract TestServers.Backend backend();

    @BeforeAll
    void start() throws Exception {
        started = TestServers.start(folder, backend());
        server = started.server();
        root = started.credentials();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theAccountManagesAUserWhoseKeySignsInButMayDoNothingWithoutAPolicy() throws Exception {
        Client account = ram(root.get("AccessKeyId").asText(), root.get("AccessKeySecret").asText());
        assertThat(account.createUser(new CreateUserRequest().setUserName("alice").setDisplayName("Alice A").setEmail("a@example.com"))
                .getBody().getUser().getUserName()).isEqualTo("alice");
        assertThat(account.getUser(new GetUserRequest().setUserName("ALICE")).getBody().getUser().getDisplayName()).isEqualTo("Alice A");
        assertThat(SdkCalls.refusal(() -> account.createUser(new CreateUserRequest().setUserName("Alice"))))
                .isEqualTo("EntityAlreadyExists.User");

        CreateAccessKeyResponseBody.CreateAccessKeyResponseBodyAccessKey key =
                account.createAccessKey(new CreateAccessKeyRequest().setUserName("alice")).getBody().getAccessKey();
        assertThat(key.getAccessKeyId()).matches("LTAI[A-Za-z0-9]{20}");
        assertThat(key.getStatus()).isEqualTo("Active");

        com.aliyun.sts20150401.Client aliceSts = sts(key.getAccessKeyId(), key.getAccessKeySecret());
        assertThat(aliceSts.getCallerIdentity().getBody().getArn())
                .isEqualTo("acs:ram::" + root.get("AccountId").asText() + ":user/alice");
        assertThat(aliceSts.getCallerIdentity().getBody().getIdentityType()).isEqualTo("RAMUser");

        Client alice = ram(key.getAccessKeyId(), key.getAccessKeySecret());
        TeaException denied = SdkCalls.refused(() -> alice.getUser(new GetUserRequest().setUserName("alice")));
        assertThat(denied.getCode()).isEqualTo("NoPermission");
        assertThat(denied.getMessage()).contains("`ram:GetUser`").contains(":user/alice`").contains("no policy allows it");

        account.updateAccessKey(new UpdateAccessKeyRequest().setUserName("alice").setUserAccessKeyId(key.getAccessKeyId())
                .setStatus("Inactive"));
        assertThat(SdkCalls.refusal(aliceSts::getCallerIdentity)).isEqualTo("InvalidAccessKeyId.Inactive");

        assertThat(SdkCalls.refusal(() -> account.deleteUser(new DeleteUserRequest().setUserName("alice"))))
                .isEqualTo("DeleteConflict.User.AccessKey");
        account.deleteAccessKey(new DeleteAccessKeyRequest().setUserName("alice").setUserAccessKeyId(key.getAccessKeyId()));
        assertThat(SdkCalls.refusal(aliceSts::getCallerIdentity)).isEqualTo("InvalidAccessKeyId.NotFound");
        account.deleteUser(new DeleteUserRequest().setUserName("alice"));
        assertThat(SdkCalls.refusal(() -> account.getUser(new GetUserRequest().setUserName("alice")))).isEqualTo("EntityNotExist.User");
    }

    @Test
    void usersAreListedInPagesByName() throws Exception {
        Client account = ram(root.get("AccessKeyId").asText(), root.get("AccessKeySecret").asText());
        for (String name : new String[] {"page-c", "page-a", "page-b"}) {
            account.createUser(new CreateUserRequest().setUserName(name));
        }
        ListUsersResponseBody first = account.listUsers(new ListUsersRequest().setMaxItems(2).setMarker("page")).getBody();
        assertThat(first.getIsTruncated()).isTrue();
        assertThat(first.getUsers().getUser()).extracting(user -> user.getUserName()).containsExactly("page-a", "page-b");
        ListUsersResponseBody second = account.listUsers(new ListUsersRequest().setMaxItems(2).setMarker(first.getMarker())).getBody();
        assertThat(second.getUsers().getUser()).extracting(user -> user.getUserName()).contains("page-c");
        assertThat(SdkCalls.refusal(() -> account.listUsers(new ListUsersRequest().setMaxItems(1001)))).isEqualTo("InvalidParameter.MaxItems");
        for (String name : new String[] {"page-a", "page-b", "page-c"}) {
            account.deleteUser(new DeleteUserRequest().setUserName(name));
        }
    }

    @Test
    void aUserChangesItsOwnConsolePasswordAndRepeatedWrongPasswordsAreThrottled() throws Exception {
        Client account = ram(root.get("AccessKeyId").asText(), root.get("AccessKeySecret").asText());
        account.createUser(new CreateUserRequest().setUserName("frank"));
        assertThat(SdkCalls.refusal(() -> account.createLoginProfile(new CreateLoginProfileRequest().setUserName("frank")
                .setPassword("short")))).isEqualTo("InvalidParameter.Password");
        account.createLoginProfile(new CreateLoginProfileRequest().setUserName("frank").setPassword("first-Passw0rd")
                .setPasswordResetRequired(true));
        assertThat(account.getLoginProfile(new GetLoginProfileRequest().setUserName("frank")).getBody().getLoginProfile()
                .getPasswordResetRequired()).isTrue();
        CreateAccessKeyResponseBody.CreateAccessKeyResponseBodyAccessKey key =
                account.createAccessKey(new CreateAccessKeyRequest().setUserName("frank")).getBody().getAccessKey();
        Client frank = ram(key.getAccessKeyId(), key.getAccessKeySecret());

        frank.changePassword(new ChangePasswordRequest().setOldPassword("first-Passw0rd").setNewPassword("second-Passw0rd"));
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(SdkCalls.refusal(() -> frank.changePassword(new ChangePasswordRequest().setOldPassword("first-Passw0rd")
                    .setNewPassword("third-Passw0rd")))).isEqualTo("InvalidParameter.OldPassword");
        }
        assertThat(SdkCalls.refusal(() -> frank.changePassword(new ChangePasswordRequest().setOldPassword("second-Passw0rd")
                .setNewPassword("third-Passw0rd")))).isEqualTo("Throttling.User");
        assertThat(SdkCalls.refusal(() -> account.changePassword(new ChangePasswordRequest().setOldPassword("x")
                .setNewPassword("y")))).isEqualTo("NoPermission");
    }

    @Test
    void theAccountSetsReadsAndClearsItsAlias() throws Exception {
        Client account = ram(root.get("AccessKeyId").asText(), root.get("AccessKeySecret").asText());
        account.setAccountAlias(new SetAccountAliasRequest().setAccountAlias("acme-" + backend().name().toLowerCase(Locale.ROOT)));
        assertThat(account.getAccountAlias().getBody().getAccountAlias()).startsWith("acme-");
        assertThat(SdkCalls.refusal(() -> account.setAccountAlias(new SetAccountAliasRequest().setAccountAlias("No_Caps"))))
                .isEqualTo("InvalidParameter.AccountAlias");
        account.clearAccountAlias();
        assertThat(account.getAccountAlias().getBody().getAccountAlias()).isEmpty();
    }

    @Test
    void theClassicSdkIsToldWhichParameterIsWrong() {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysDomain(server.uri().getHost() + ":" + server.uri().getPort());
        request.setSysVersion("2015-05-01");
        request.setSysAction("CreateUser");
        request.putQueryParameter("UserName", "no spaces allowed");
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou",
                root.get("AccessKeyId").asText(), root.get("AccessKeySecret").asText()));
        assertThatThrownBy(() -> client.getCommonResponse(request)).isInstanceOfSatisfying(ClientException.class, e -> {
            assertThat(e.getErrCode()).isEqualTo("InvalidParameter.UserName");
            assertThat(e.getErrMsg()).contains("`no spaces allowed`");
        });
    }

    private static Client ram(String accessKeyId, String secret) throws Exception {
        return new Client(config(accessKeyId, secret));
    }

    private static com.aliyun.sts20150401.Client sts(String accessKeyId, String secret) throws Exception {
        return new com.aliyun.sts20150401.Client(config(accessKeyId, secret));
    }

    private static Config config(String accessKeyId, String secret) {
        return new Config().setAccessKeyId(accessKeyId).setAccessKeySecret(secret)
                .setEndpoint(server.uri().getHost() + ":" + server.uri().getPort()).setProtocol("HTTP").setRegionId("cn-hangzhou");
    }

}
