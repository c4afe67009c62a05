package dev.berth.server.rpc.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.auth.signers.SignatureAlgorithm;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.teaopenapi.models.Config;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests signed and sent by Alibaba Cloud's own SDKs to a loopback endpoint, then verified: the
 * classic {@code aliyun-java-sdk-core} (V1), {@code sts20150401} on Tea (V1, {@code Format=json}) and
 * {@code ram20150501} on Tea (V3), as iam-api.md section 3 says they call the server.
 */
class SdkSignedRequestTest {
    private static final String ODD_TEXT = "Alice Ü 中 *~ +/=&%";
    private static RecordingEndpoint endpoint;

    @BeforeAll
    static void startEndpoint() throws IOException {
        endpoint = RecordingEndpoint.start();
    }

    @AfterAll
    static void stopEndpoint() {
        endpoint.close();
    }

    @Test
    void theClassicSdkSignsV1AndPostsEveryParameterInTheQueryString() throws Exception {
        CommonRequest request = classicRequest("CreateUser");
        request.putQueryParameter("UserName", "alice");
        request.putQueryParameter("DisplayName", ODD_TEXT);
        classicClient(Optional.empty()).getCommonResponse(request);

        SignedRequest received = endpoint.next();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.parameterValues("Signature")).hasSize(1);
        assertThat(received.parameterValues("DisplayName")).containsExactly(ODD_TEXT);
        assertThat(received.parameterValues("Timestamp").getFirst()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(received.formParameters()).isEmpty();
        assertThat(verify(received)).isEqualTo(new Authentication.Verified(TestRequests.KEY, Optional.empty(), SignatureVersion.V1));
    }

    @Test
    void theClassicSdkSignsFormBodyParametersWithTheQuery() throws Exception {
        CommonRequest request = classicRequest("UpdateUser");
        request.putQueryParameter("UserName", "alice");
        request.putBodyParameter("NewComments", ODD_TEXT);
        request.putBodyParameter("NewDisplayName", "");
        classicClient(Optional.empty()).getCommonResponse(request);

        SignedRequest received = endpoint.next();
        assertThat(received.formParameters()).extracting(entry -> entry.getKey()).contains("NewComments", "NewDisplayName");
        assertThat(received.parameterValues("NewComments")).containsExactly(ODD_TEXT);
        assertThat(verify(received)).isInstanceOf(Authentication.Verified.class);
    }

    @Test
    void theClassicSdkSendsTheSecurityTokenAsAParameter() throws Exception {
        classicClient(Optional.of("CAIS-classic-token")).getCommonResponse(classicRequest("GetUser"));

        assertThat(verify(endpoint.next())).isEqualTo(new Authentication.Verified(TestRequests.KEY,
                Optional.of(new SecurityToken("CAIS-classic-token")), SignatureVersion.V1));
    }

    @Test
    void theClassicSdkSignedWithAWrongSecretIsRefusedWithTheStringToSign() throws Exception {
        CommonRequest request = classicRequest("GetUser");
        new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", TestRequests.KEY.value(), "WrongSecret")).getCommonResponse(request);

        assertThat(verify(endpoint.next())).isInstanceOfSatisfying(Authentication.Refused.class, refused -> {
            assertThat(refused.error().wireCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(refused.error().message()).startsWith("signature does not match, the server signed `POST&%2F&AccessKeyId%3D");
        });
    }

    /** The classic SDK's opt-in V3 signs neither {@code host} nor {@code content-type}; the spec requires {@code host}. */
    @Test
    void theClassicSdksOptInV3IsRefusedForNotSigningHost() throws Exception {
        CommonRequest request = classicRequest("GetUser");
        request.setSysSignatureVersion(com.aliyuncs.auth.SignatureVersion.V3);
        request.setSysSignatureAlgorithm(SignatureAlgorithm.ACS3_HMAC_SHA256);
        classicClient(Optional.empty()).getCommonResponse(request);

        SignedRequest received = endpoint.next();
        assertThat(received.header("authorization").orElseThrow()).startsWith("ACS3-HMAC-SHA256 Credential=" + TestRequests.KEY + ",Signature=");
        assertThat(verify(received)).isInstanceOfSatisfying(Authentication.Refused.class,
                refused -> assertThat(refused.error().message()).isEqualTo("header `host` must be signed"));
    }

    @Test
    void theRamTeaSdkSignsV3AndPostsTheParametersInTheQueryString() throws Exception {
        new com.aliyun.ram20150501.Client(teaConfig(Optional.empty()))
                .createUser(new CreateUserRequest().setUserName("alice").setDisplayName(ODD_TEXT).setComments(""));

        SignedRequest received = endpoint.next();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.parameterValues("DisplayName")).containsExactly(ODD_TEXT);
        assertThat(received.body()).isEmpty();
        assertThat(received.header("authorization").orElseThrow())
                .startsWith("ACS3-HMAC-SHA256 Credential=" + TestRequests.KEY + ",SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
                        + "x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=");
        assertThat(received.header("x-acs-date").orElseThrow()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(verify(received)).isEqualTo(new Authentication.Verified(TestRequests.KEY, Optional.empty(), SignatureVersion.V3));
    }

    @Test
    void theRamTeaSdkSendsTheSecurityTokenAsASignedHeader() throws Exception {
        new com.aliyun.ram20150501.Client(teaConfig(Optional.of("CAIS-tea-token"))).getAccountAlias();

        SignedRequest received = endpoint.next();
        assertThat(received.header("authorization").orElseThrow()).contains("x-acs-accesskey-id;").contains("x-acs-security-token;");
        assertThat(verify(received)).isEqualTo(new Authentication.Verified(TestRequests.KEY,
                Optional.of(new SecurityToken("CAIS-tea-token")), SignatureVersion.V3));
    }

    @Test
    void theRamTeaSdkSignedWithAWrongSecretIsRefused() throws Exception {
        Config config = teaConfig(Optional.empty()).setAccessKeySecret("WrongSecret");
        new com.aliyun.ram20150501.Client(config).getAccountAlias();

        assertThat(verify(endpoint.next())).isInstanceOfSatisfying(Authentication.Refused.class,
                refused -> assertThat(refused.error().wireCode()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void theStsTeaSdkSignsV1WithFormatInLowerCase() throws Exception {
        new com.aliyun.sts20150401.Client(teaConfig(Optional.empty())).getCallerIdentity();

        SignedRequest received = endpoint.next();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.parameterValues("Format")).containsExactly("json");
        assertThat(received.parameterValues("Signature")).hasSize(1);
        assertThat(verify(received)).isEqualTo(new Authentication.Verified(TestRequests.KEY, Optional.empty(), SignatureVersion.V1));
    }

    @Test
    void theStsTeaSdkSendsTheSecurityTokenAsAParameter() throws Exception {
        new com.aliyun.sts20150401.Client(teaConfig(Optional.of("CAIS-sts-token"))).getCallerIdentity();

        assertThat(verify(endpoint.next())).isEqualTo(new Authentication.Verified(TestRequests.KEY,
                Optional.of(new SecurityToken("CAIS-sts-token")), SignatureVersion.V1));
    }

    private static Authentication verify(SignedRequest request) {
        return TestRequests.authenticator().authenticate(request, Instant.now());
    }

    private static CommonRequest classicRequest(String action) {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysDomain(endpoint.address());
        request.setSysVersion("2015-05-01");
        request.setSysAction(action);
        return request;
    }

    private static DefaultAcsClient classicClient(Optional<String> securityToken) {
        DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", TestRequests.KEY.value(), TestRequests.SECRET.value());
        return securityToken.map(token -> new DefaultAcsClient(profile, new StaticCredentialsProvider(
                        new BasicSessionCredentials(TestRequests.KEY.value(), TestRequests.SECRET.value(), token))))
                .orElseGet(() -> new DefaultAcsClient(profile));
    }

    private static Config teaConfig(Optional<String> securityToken) {
        Config config = new Config().setAccessKeyId(TestRequests.KEY.value()).setAccessKeySecret(TestRequests.SECRET.value())
                .setEndpoint(endpoint.address()).setProtocol("HTTP").setRegionId("cn-hangzhou");
        securityToken.ifPresent(config::setSecurityToken);
        return config;
    }
}
