package dev.berth.server.rpc.signature;

import static dev.berth.server.rpc.signature.TestRequests.KEY;
import static dev.berth.server.rpc.signature.TestRequests.NOW;
import static dev.berth.server.rpc.signature.TestRequests.parameters;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signature V1 of iam-api.md section 3. */
class SignatureV1Test {
    private static final List<Map.Entry<String, String>> SPEC_PARAMETERS = parameters("Action", "CreateUser", "UserName", "test",
            "Version", "2015-05-01", "Format", "JSON", "AccessKeyId", "testid", "SignatureMethod", "HMAC-SHA1",
            "SignatureVersion", "1.0", "SignatureNonce", "6a6e0ca6-4557-11e5-86a2-b8e8563dc8d2", "Timestamp", "2015-08-18T03:15:45Z");

    @Test
    void theSpecsTestVectorSignsToItsPublishedSignature() {
        String stringToSign = SignatureV1.stringToSign("GET", SPEC_PARAMETERS);

        assertThat(stringToSign).isEqualTo("GET&%2F&AccessKeyId%3Dtestid%26Action%3DCreateUser%26Format%3DJSON"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D6a6e0ca6-4557-11e5-86a2-b8e8563dc8d2"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2015-08-18T03%253A15%253A45Z%26UserName%3Dtest%26Version%3D2015-05-01");
        assertThat(SignatureV1.sign(stringToSign, new AccessKeySecret("testsecret"))).isEqualTo("kRA2cnpJVacIhDMzXnoNZG9tDCI=");
    }

    @Test
    void theSpecsTestVectorIsVerifiedAsARequest() {
        List<Map.Entry<String, String>> query = new ArrayList<>(SPEC_PARAMETERS);
        query.add(Map.entry("Signature", "kRA2cnpJVacIhDMzXnoNZG9tDCI="));
        SignedRequest request = new SignedRequest("GET", "/", query, List.of(), Map.of(), new byte[0]);
        RequestAuthenticator authenticator = new RequestAuthenticator(
                id -> id.value().equals("testid") ? Optional.of(new AccessKeySecret("testsecret")) : Optional.empty(),
                new InMemoryNonceRegistry());

        Authentication result = authenticator.authenticate(request, Instant.parse("2015-08-18T03:20:00Z"));

        assertThat(result).isEqualTo(new Authentication.Verified(new AccessKeyId("testid"), Optional.empty(), SignatureVersion.V1));
    }

    @Test
    void parametersOfTheFormBodyAreSignedWithThoseOfTheQueryString() {
        SignedRequest request = TestRequests.v1().method("POST").form("Comments", "a b*c~d").form("DisplayName", "Alice Ü").signed();

        assertThat(request.formParameters()).hasSize(2);
        assertThat(TestRequests.authenticator().authenticate(request, NOW))
                .isEqualTo(new Authentication.Verified(KEY, Optional.empty(), SignatureVersion.V1));
    }

    @Test
    void aFormParameterChangedAfterSigningBreaksTheSignature() {
        SignedRequest signed = TestRequests.v1().method("POST").form("Comments", "original").signed();
        SignedRequest tampered = new SignedRequest("POST", "/", signed.queryParameters(), parameters("Comments", "changed"),
                signed.headers(), signed.body());

        assertThat(TestRequests.authenticator().authenticate(tampered, NOW)).isInstanceOfSatisfying(Authentication.Refused.class,
                refused -> assertThat(refused.error().wireCode()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void aPostWithEveryParameterInTheQueryAndAnEmptyBodySignsItsMethodAsPost() {
        SignedRequest request = TestRequests.v1().method("POST").signed();
        SignatureClaim.V1 claim = readV1(request);

        assertThat(request.formParameters()).isEmpty();
        assertThat(request.body()).isEmpty();
        assertThat(claim.stringsToSign()).singleElement().asString().startsWith("POST&%2F&AccessKeyId%3D");
        assertThat(TestRequests.authenticator().authenticate(request, NOW)).isInstanceOf(Authentication.Verified.class);
    }

    @Test
    void theSameRequestSignedAsGetIsRefusedWhenSentAsPost() {
        SignedRequest asGet = TestRequests.v1().method("GET").signed();
        SignedRequest asPost = new SignedRequest("POST", "/", asGet.queryParameters(), List.of(), asGet.headers(), new byte[0]);

        assertThat(TestRequests.authenticator().authenticate(asPost, NOW)).isInstanceOf(Authentication.Refused.class);
    }

    @Test
    void anEmptyValueIsSignedAsNameEqualsByTheSpecAndLeftOutByTheTeaSdks() {
        SignedRequest request = TestRequests.v1().query("Comments", "").unsigned();
        SignatureClaim.V1 claim = readV1(withSignature(request, "unused"));

        assertThat(claim.stringsToSign()).hasSize(2);
        assertThat(claim.stringsToSign().get(0)).contains("%26Comments%3D%26");
        assertThat(claim.stringsToSign().get(1)).doesNotContain("Comments");
        for (String stringToSign : claim.stringsToSign()) {
            SignedRequest signed = withSignature(request, SignatureV1.sign(stringToSign, TestRequests.SECRET));
            assertThat(TestRequests.authenticator().authenticate(signed, NOW)).isInstanceOf(Authentication.Verified.class);
        }
    }

    @Test
    void parametersAreSortedByNameThenValueAndEncoded() {
        String stringToSign = SignatureV1.stringToSign("GET", parameters("b", "2", "a", "x y", "B", "1", "a", "x*"));

        assertThat(stringToSign).isEqualTo("GET&%2F&B%3D1%26a%3Dx%2520y%26a%3Dx%252A%26b%3D2");
    }

    @Test
    void theSecurityTokenParameterIsReportedWithTheKey() {
        SignedRequest request = TestRequests.v1().query("SecurityToken", "CAIS-token").signed();

        assertThat(TestRequests.authenticator().authenticate(request, NOW))
                .isEqualTo(new Authentication.Verified(KEY, Optional.of(new SecurityToken("CAIS-token")), SignatureVersion.V1));
    }

    private static SignatureClaim.V1 readV1(SignedRequest request) {
        try {
            return SignatureV1.read(request);
        } catch (SigningRefusal refusal) {
            throw new AssertionError(refusal.error().toString(), refusal);
        }
    }

    private static SignedRequest withSignature(SignedRequest request, String signature) {
        List<Map.Entry<String, String>> query = new ArrayList<>(request.queryParameters());
        query.add(Map.entry("Signature", signature));
        return new SignedRequest(request.method(), request.path(), query, request.formParameters(), request.headers(), request.body());
    }
}
