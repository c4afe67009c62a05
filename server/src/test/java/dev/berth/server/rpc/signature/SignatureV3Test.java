package dev.berth.server.rpc.signature;

import static dev.berth.server.rpc.signature.TestRequests.KEY;
import static dev.berth.server.rpc.signature.TestRequests.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signature V3, {@code ACS3-HMAC-SHA256}, against the Tea SDKs' signer. */
class SignatureV3Test {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void aRequestSignedByTheTeaSignerIsVerified() {
        SignedRequest request = TeaV3Requests.create().query("DisplayName", "Alice Ü*~ +/=&").query("Comments", "").signed();

        assertThat(authenticate(request)).isEqualTo(new Authentication.Verified(KEY, Optional.empty(), SignatureVersion.V3));
    }

    @Test
    void aFormBodyIsCoveredByItsHashAndItsContentTypeBySignedHeaders() {
        SignedRequest request = TeaV3Requests.create().formBody("Comments=a%20b&UserName=bob").signed();

        assertThat(request.header("authorization").orElseThrow()).contains("SignedHeaders=content-type;host;");
        assertThat(authenticate(request)).isInstanceOf(Authentication.Verified.class);
    }

    @Test
    void theCanonicalRequestListsMethodUriQueryHeadersSignedHeadersAndPayloadHash() {
        SignedRequest request = new SignedRequest("POST", "/", TestRequests.parameters("UserName", "a b", "Action", "x*"), List.of(),
                Map.of("Host", List.of(" 127.0.0.1:5000 "), "X-Acs-Date", List.of("2026-03-01T10:00:00Z")), new byte[0]);

        assertThat(SignatureV3.canonicalRequest(request, List.of("host", "x-acs-date"), EMPTY_SHA256)).isEqualTo("""
                POST
                /
                Action=x%2A&UserName=a%20b
                host:127.0.0.1:5000
                x-acs-date:2026-03-01T10:00:00Z

                host;x-acs-date
                """ + EMPTY_SHA256);
    }

    @Test
    void repeatedQueryParametersAreSortedByValue() {
        SignedRequest request = new SignedRequest("GET", "/", TestRequests.parameters("Tag", "b", "Tag", "a"), List.of(),
                Map.of("host", List.of("h")), new byte[0]);

        assertThat(SignatureV3.canonicalRequest(request, List.of("host"), EMPTY_SHA256).lines().toList().get(2)).isEqualTo("Tag=a&Tag=b");
    }

    @Test
    void theAuthorizationPartsMayComeInAnyOrderAsTheClassicSdkWritesThem() {
        TeaV3Requests builder = TeaV3Requests.create();
        String tea = builder.authorization();
        String signedHeaders = part(tea, "SignedHeaders");
        String reordered = "ACS3-HMAC-SHA256 Credential=" + KEY + ", Signature=" + part(tea, "Signature") + ", SignedHeaders=" + signedHeaders;

        assertThat(authenticate(builder.toSignedRequest(reordered))).isInstanceOf(Authentication.Verified.class);
    }

    @Test
    void anXAcsHeaderThatIsNotSignedIsRefused() {
        SignedRequest signed = TeaV3Requests.create().signed();

        assertRefused(withHeader(signed, "x-acs-extra", "1"), "InvalidParameter.SignedHeaders", "header `x-acs-extra` is sent but not signed");
    }

    @Test
    void aRequestThatDoesNotSignHostIsRefused() {
        TeaV3Requests builder = TeaV3Requests.create().withoutHeader("host");
        SignedRequest request = withHeader(builder.toSignedRequest(builder.authorization()), "host", "127.0.0.1:5000");

        assertRefused(request, "InvalidParameter.SignedHeaders", "header `host` must be signed");
    }

    @Test
    void aBodyThatDoesNotHashToTheContentHashIsRefused() {
        SignedRequest signed = TeaV3Requests.create().formBody("UserName=bob").signed();
        SignedRequest tampered = new SignedRequest(signed.method(), signed.path(), signed.queryParameters(), List.of(), signed.headers(),
                "UserName=eve".getBytes(StandardCharsets.UTF_8));

        assertRefused(tampered, "InvalidParameter.x-acs-content-sha256", "`x-acs-content-sha256` is not the SHA-256 of the body");
    }

    @Test
    void aSignedHeaderThatIsNotSentIsRefused() {
        SignedRequest signed = TeaV3Requests.create().signed();
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        headers.put("authorization", List.of(signed.header("authorization").orElseThrow().replace("SignedHeaders=", "SignedHeaders=content-type;")));

        assertRefused(new SignedRequest(signed.method(), signed.path(), signed.queryParameters(), List.of(), headers, signed.body()),
                "InvalidParameter.SignedHeaders", "signed header `content-type` is not sent");
    }

    @Test
    void aChangedQueryValueBreaksTheSignatureAndTheMessageShowsWhatTheServerSigned() {
        SignedRequest signed = TeaV3Requests.create().query("UserName", "alice").signed();
        SignedRequest tampered = new SignedRequest(signed.method(), signed.path(), TestRequests.parameters("UserName", "mallory"),
                List.of(), signed.headers(), signed.body());

        Authentication.Refused refused = (Authentication.Refused) authenticate(tampered);
        assertThat(refused.error().wireCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(refused.error().httpStatus()).isEqualTo(403);
        assertThat(refused.error().message()).startsWith("signature does not match, the server signed `ACS3-HMAC-SHA256\n")
                .contains("\nUserName=mallory\nhost:127.0.0.1:5000\n");
    }

    @Test
    void anUnsupportedAlgorithmIsRefused() {
        SignedRequest signed = TeaV3Requests.create().signed();
        SignedRequest request = withHeader(signed, "authorization", signed.header("authorization").orElseThrow().replace("ACS3-HMAC-SHA256", "ACS3-HMAC-SM3"));

        assertRefused(request, "InvalidParameter.SignatureMethod", "unsupported signature method `ACS3-HMAC-SM3`");
    }

    @Test
    void anAuthorizationWithoutItsSignatureIsRefused() {
        SignedRequest request = withHeader(TeaV3Requests.create().signed(), "authorization",
                "ACS3-HMAC-SHA256 Credential=" + KEY + ",SignedHeaders=host;x-acs-action");

        assertRefused(request, "InvalidParameter.Authorization", "authorization has no `Signature`");
    }

    @Test
    void aMissingOrMalformedDateIsRefused() {
        assertRefused(TeaV3Requests.create().withoutHeader("x-acs-date").signed(), "MissingParameter.x-acs-date", "`x-acs-date` is required");
        assertRefused(TeaV3Requests.create().header("x-acs-date", "Sun, 01 Mar 2026 10:00:00 GMT").signed(), "InvalidParameter.x-acs-date",
                "`x-acs-date` must be yyyy-MM-ddTHH:mm:ssZ in UTC, got `Sun, 01 Mar 2026 10:00:00 GMT`");
    }

    @Test
    void theSecurityTokenHeaderIsReportedWithTheCredential() {
        SignedRequest request = TeaV3Requests.create().header("x-acs-security-token", "CAIS-token")
                .header("x-acs-accesskey-id", KEY.value()).signed();

        assertThat(authenticate(request))
                .isEqualTo(new Authentication.Verified(KEY, Optional.of(new SecurityToken("CAIS-token")), SignatureVersion.V3));
    }

    @Test
    void headerNamesAreMatchedWhateverTheirCaseAndValuesAreTrimmed() {
        TeaV3Requests builder = TeaV3Requests.create();
        String authorization = builder.authorization();
        SignedRequest received = builder.toSignedRequest(authorization);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        received.headers().forEach((name, values) -> headers.put(name.toUpperCase(Locale.ROOT), List.of(" " + values.getFirst() + " ")));

        assertThat(authenticate(new SignedRequest("POST", "/", received.queryParameters(), List.of(), headers, received.body())))
                .isInstanceOf(Authentication.Verified.class);
    }

    private static Authentication authenticate(SignedRequest request) {
        return TestRequests.authenticator().authenticate(request, NOW);
    }

    private static void assertRefused(SignedRequest request, String code, String message) {
        assertThat(authenticate(request)).isInstanceOfSatisfying(Authentication.Refused.class, refused -> {
            assertThat(refused.error().wireCode()).isEqualTo(code);
            assertThat(refused.error().message()).isEqualTo(message);
        });
    }

    private static SignedRequest withHeader(SignedRequest request, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put(name, new ArrayList<>(List.of(value)));
        return new SignedRequest(request.method(), request.path(), request.queryParameters(), request.formParameters(), headers, request.body());
    }

    private static String part(String authorization, String name) {
        for (String part : authorization.substring(authorization.indexOf(' ') + 1).split(",")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + authorization);
    }
}
