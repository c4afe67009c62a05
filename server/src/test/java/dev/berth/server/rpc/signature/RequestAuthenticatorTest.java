package dev.berth.server.rpc.signature;

import dev.berth.server.rpc.error.RpcError;
import static dev.berth.server.rpc.signature.TestRequests.KEY;
import static dev.berth.server.rpc.signature.TestRequests.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order and the answers of the signature check (iam-api.md section 3), for both versions. */
class RequestAuthenticatorTest {
    private final InMemoryNonceRegistry nonces = new InMemoryNonceRegistry();
    private final RequestAuthenticator authenticator = new RequestAuthenticator(TestRequests.SECRETS, nonces);

    @Test
    void aWrongSecretIsRefusedWithTheStringTheServerSigned() {
        SignedRequest request = TestRequests.v1().secret(new AccessKeySecret("NotTheSecret")).signed();
        String expected = SignatureV1.stringToSign("GET", request.parameters().filter(entry -> !entry.getKey().equals("Signature")).toList());

        RpcError error = refusal(request);

        assertThat(error.wireCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.httpStatus()).isEqualTo(403);
        assertThat(error.message()).isEqualTo("signature does not match, the server signed `" + expected + "`");
    }

    @Test
    void aV3RequestWithAWrongSecretIsRefusedWithTheStringToSignAndTheCanonicalRequest() {
        RpcError error = refusal(TeaV3Requests.create().secret(new AccessKeySecret("NotTheSecret")).signed());

        assertThat(error.wireCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.message()).matches("(?s)signature does not match, the server signed `ACS3-HMAC-SHA256\n[0-9a-f]{64}`, "
                + "the hash of the canonical request `POST\n/\nUserName=alice\n.*`");
    }

    @Test
    void aTimestampMoreThanFifteenMinutesInThePastIsExpired() {
        RpcError error = refusal(TestRequests.v1().signedAt(NOW.minus(Duration.ofMinutes(15)).minusSeconds(1)).signed());

        assertThat(error.wireCode()).isEqualTo("InvalidTimeStamp.Expired");
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.message()).isEqualTo("signed time `2026-03-01T09:44:59Z` is more than 15 minutes from the server's `2026-03-01T10:00:00Z`");
    }

    @Test
    void aTimestampMoreThanFifteenMinutesInTheFutureIsExpired() {
        assertThat(refusal(TestRequests.v1().signedAt(NOW.plus(Duration.ofMinutes(15)).plusSeconds(1)).signed()).wireCode())
                .isEqualTo("InvalidTimeStamp.Expired");
        assertThat(refusal(TeaV3Requests.create().signedAt(NOW.plus(Duration.ofMinutes(16))).signed()).wireCode())
                .isEqualTo("InvalidTimeStamp.Expired");
    }

    @Test
    void timestampsExactlyFifteenMinutesOffEitherWayAreAccepted() {
        assertThat(authenticator.authenticate(TestRequests.v1().signedAt(NOW.minus(Duration.ofMinutes(15))).signed(), NOW))
                .isInstanceOf(Authentication.Verified.class);
        assertThat(authenticator.authenticate(TestRequests.v1().signedAt(NOW.plus(Duration.ofMinutes(15))).signed(), NOW))
                .isInstanceOf(Authentication.Verified.class);
    }

    @Test
    void aReplayedNonceIsRefused() {
        SignedRequest request = TestRequests.v1().signed();

        assertThat(authenticator.authenticate(request, NOW)).isInstanceOf(Authentication.Verified.class);
        RpcError replay = refusal(request);
        assertThat(replay.wireCode()).isEqualTo("SignatureNonceUsed");
        assertThat(replay.message()).startsWith("nonce `").endsWith("` was used before");
    }

    @Test
    void aReplayedV3NonceIsRefused() {
        SignedRequest request = TeaV3Requests.create().signed();

        assertThat(authenticator.authenticate(request, NOW)).isInstanceOf(Authentication.Verified.class);
        assertThat(refusal(request).wireCode()).isEqualTo("SignatureNonceUsed");
    }

    @Test
    void aRequestWithABadSignatureDoesNotSpendItsNonce() {
        SignedRequest forged = TestRequests.v1().nonce("n-1").secret(new AccessKeySecret("NotTheSecret")).signed();
        SignedRequest genuine = TestRequests.v1().nonce("n-1").signed();

        assertThat(refusal(forged).wireCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(authenticator.authenticate(genuine, NOW)).isInstanceOf(Authentication.Verified.class);
    }

    @Test
    void theSameNonceUnderAnotherKeyIsNoReplay() {
        AccessKeyId other = new AccessKeyId("LTAI5tBerthTestKey000002");
        RequestAuthenticator twoKeys = new RequestAuthenticator(
                id -> id.equals(KEY) || id.equals(other) ? Optional.of(TestRequests.SECRET) : Optional.empty(), nonces);

        assertThat(twoKeys.authenticate(TestRequests.v1().nonce("shared").signed(), NOW)).isInstanceOf(Authentication.Verified.class);
        assertThat(twoKeys.authenticate(TestRequests.v1().nonce("shared").accessKeyId(other.value()).signed(), NOW))
                .isInstanceOf(Authentication.Verified.class);
    }

    @Test
    void aMissingSignatureIsAMissingParameter() {
        RpcError error = refusal(TestRequests.v1().unsigned());

        assertThat(error.wireCode()).isEqualTo("MissingParameter.Signature");
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.message()).isEqualTo("`Signature` is required");
    }

    @Test
    void eachAbsentSigningParameterIsNamed() {
        for (String name : List.of("AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp")) {
            SignedRequest request = without(TestRequests.v1().signed(), name);
            assertThat(refusal(request).wireCode()).as(name).isEqualTo("MissingParameter." + name);
        }
    }

    @Test
    void anUnknownKeyIsNotFound() {
        RpcError error = refusal(TestRequests.v1().accessKeyId("LTAI5tNoSuchKey000000000").signed());

        assertThat(error.wireCode()).isEqualTo("InvalidAccessKeyId.NotFound");
        assertThat(error.httpStatus()).isEqualTo(403);
        assertThat(error.message()).isEqualTo("access key `LTAI5tNoSuchKey000000000` is not found");
    }

    @Test
    void anUnsupportedSignatureMethodOrVersionIsAnInvalidParameter() {
        RpcError method = refusal(TestRequests.v1().replace("SignatureMethod", "HMAC-SHA256").signed());
        RpcError version = refusal(TestRequests.v1().replace("SignatureVersion", "2.0").signed());

        assertThat(method.wireCode()).isEqualTo("InvalidParameter.SignatureMethod");
        assertThat(method.message()).isEqualTo("unsupported signature method `HMAC-SHA256`");
        assertThat(version.wireCode()).isEqualTo("InvalidParameter.SignatureVersion");
        assertThat(version.message()).isEqualTo("unsupported signature version `2.0`");
    }

    @Test
    void aMalformedTimestampIsAnInvalidParameter() {
        SignedRequest request = TestRequests.v1().signed();
        SignedRequest malformed = with(without(request, "Timestamp"), "Timestamp", "2026-03-01 10:00:00");

        RpcError error = refusal(malformed);

        assertThat(error.wireCode()).isEqualTo("InvalidParameter.Timestamp");
        assertThat(error.message()).isEqualTo("`Timestamp` must be yyyy-MM-ddTHH:mm:ssZ in UTC, got `2026-03-01 10:00:00`");
    }

    @Test
    void aRepeatedSigningParameterIsAnInvalidParameter() {
        RpcError error = refusal(with(TestRequests.v1().signed(), "Signature", "again"));

        assertThat(error.wireCode()).isEqualTo("InvalidParameter.Signature");
        assertThat(error.message()).isEqualTo("`Signature` is given 2 times");
    }

    @Test
    void anotherAuthorizationSchemeWithoutV1ParametersIsRefused() {
        SignedRequest request = new SignedRequest("GET", "/", TestRequests.parameters("Action", "GetUser"), List.of(),
                Map.of("Authorization", List.of("Bearer abc.def")), new byte[0]);

        RpcError error = refusal(request);

        assertThat(error.wireCode()).isEqualTo("InvalidParameter.Authorization");
        assertThat(error.message()).isEqualTo("unsupported authorization scheme `Bearer`");
    }

    @Test
    void aRequestWithNoSignatureAtAllAsksForTheV1Signature() {
        SignedRequest request = new SignedRequest("GET", "/", TestRequests.parameters("Action", "GetUser"), List.of(), Map.of(), new byte[0]);

        assertThat(refusal(request).wireCode()).isEqualTo("MissingParameter.Signature");
    }

    @Test
    void aFullNonceRegistryRefusesWithThrottling() {
        RequestAuthenticator small = new RequestAuthenticator(TestRequests.SECRETS, new InMemoryNonceRegistry(Duration.ofMinutes(15), 1));

        assertThat(small.authenticate(TestRequests.v1().signed(), NOW)).isInstanceOf(Authentication.Verified.class);
        assertThat(small.authenticate(TestRequests.v1().signed(), NOW)).isInstanceOfSatisfying(Authentication.Refused.class,
                refused -> assertThat(refused.error().wireCode()).isEqualTo("Throttling.User"));
    }

    private RpcError refusal(SignedRequest request) {
        Authentication result = authenticator.authenticate(request, NOW);
        assertThat(result).isInstanceOf(Authentication.Refused.class);
        return ((Authentication.Refused) result).error();
    }

    private static SignedRequest without(SignedRequest request, String name) {
        return new SignedRequest(request.method(), request.path(),
                request.queryParameters().stream().filter(entry -> !entry.getKey().equals(name)).toList(),
                request.formParameters(), request.headers(), request.body());
    }

    private static SignedRequest with(SignedRequest request, String name, String value) {
        List<Map.Entry<String, String>> query = new ArrayList<>(request.queryParameters());
        query.add(Map.entry(name, value));
        return new SignedRequest(request.method(), request.path(), query, request.formParameters(), request.headers(), request.body());
    }
}
