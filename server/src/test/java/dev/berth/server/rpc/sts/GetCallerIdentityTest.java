package dev.berth.server.rpc.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.sts20150401.Client;
import com.aliyun.sts20150401.models.GetCallerIdentityResponseBody;
import com.aliyun.teaopenapi.models.Config;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.server.TestServers;
import dev.berth.server.runtime.BerthServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both generations of Alibaba Cloud's SDKs, unchanged but for their endpoint, ask the running server
 * who they are with the bootstrap credentials (iam-api.md sections 1a, 3 and 4).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GetCallerIdentityTest {
    @TempDir
    static Path folder;
    private static BerthServer server;
    private static TestServers.Started started;
    private static JsonNode credentials;

    /** Where the server under test keeps its metadata. */
    abstract TestServers.Backend backend();

    @BeforeAll
    void start() throws Exception {
        started = TestServers.start(folder, backend());
        server = started.server();
        credentials = started.credentials();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theClassicSdkSigningV1LearnsItIsTheAccount() throws ClientException {
        CommonResponse response = classicClient(secret()).getCommonResponse(classicRequest());
        assertThat(response.getHttpStatus()).isEqualTo(200);
        assertThat(response.getData()).contains("\"IdentityType\":\"Account\"")
                .contains("\"Arn\":\"acs:ram::" + accountId() + ":root\"");
    }

    @Test
    void theTeaSdkLearnsItIsTheAccount() throws Exception {
        Client client = new Client(new Config().setAccessKeyId(accessKeyId()).setAccessKeySecret(secret())
                .setEndpoint(endpoint()).setProtocol("HTTP").setRegionId("cn-hangzhou"));
        GetCallerIdentityResponseBody body = client.getCallerIdentity().getBody();
        assertThat(body.getIdentityType()).isEqualTo("Account");
        assertThat(body.getAccountId()).isEqualTo(accountId());
        assertThat(body.getArn()).isEqualTo("acs:ram::" + accountId() + ":root");
        assertThat(body.getRequestId()).isNotBlank();
    }

    @Test
    void aWrongSecretIsRefusedWithSignatureDoesNotMatch() {
        assertThatThrownBy(() -> classicClient("x".repeat(30)).getCommonResponse(classicRequest()))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.getErrCode()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.getErrMsg()).contains("POST&%2F&");
                });
    }

    @Test
    void anUnknownActionOrVersionIsNamedInTheRefusal() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> action = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/?Action=Dance&Version=2015-04-01"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(action.statusCode()).isEqualTo(404);
        JsonNode body = new ObjectMapper().readTree(action.body());
        assertThat(body.get("Code").asText()).isEqualTo("InvalidAction.NotFound");
        assertThat(body.get("Message").asText()).contains("`Dance`");
        assertThat(body.get("RequestId").asText()).isNotBlank();
        HttpResponse<String> version = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/?Action=GetCallerIdentity&Version=2020"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(version.statusCode()).isEqualTo(404);
        assertThat(version.body()).contains("InvalidVersion");
    }

    @Test
    void anUnsignedCallIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.uri() + "/?Action=GetCallerIdentity&Version=2015-04-01&AccessKeyId=" + accessKeyId()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("MissingParameter.");
    }

    private static CommonRequest classicRequest() {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysDomain(endpoint());
        request.setSysVersion("2015-04-01");
        request.setSysAction("GetCallerIdentity");
        return request;
    }

    private static DefaultAcsClient classicClient(String secret) {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", accessKeyId(), secret));
    }

    private static String endpoint() {
        return server.uri().getHost() + ":" + server.uri().getPort();
    }

    private static String accountId() {
        return credentials.get("AccountId").asText();
    }

    private static String accessKeyId() {
        return credentials.get("AccessKeyId").asText();
    }

    private static String secret() {
        return credentials.get("AccessKeySecret").asText();
    }
}
