package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.berth.registry.content.Digest;
import dev.berth.server.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad input of registry.md section 7, sent raw to a running server: each answer is the exact OCI
 * code and status, and nothing is stored (what a refusal was about stays unknown to later reads).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    @TempDir
    static Path folder;
    private static TestServers.Started started;
    private static String basic;
    private static HttpClient client;

    abstract TestServers.Backend backend();

    @BeforeAll
    void start() throws Exception {
        started = TestServers.start(folder, backend());
        basic = "Basic " + Base64.getEncoder().encodeToString((started.accountId() + ":"
                + started.credentials().get("RegistryPassword").asText()).getBytes(StandardCharsets.UTF_8));
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        started.close();
    }

    private static HttpResponse<String> call(String method, String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + started.endpoint() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        request.header("Authorization", basic);
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        return call(method, path, null, Map.of());
    }

    private static void refused(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    /** The raw answer to a request line sent as is (clients normalize {@code ..} and {@code %2e%2e} away). */
    private static String raw(String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), started.server().uri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + started.endpoint() + "\r\nAuthorization: " + basic
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void namesThatBreakTheGrammarAreNameInvalid() throws Exception {
        refused(call("GET", "/v2/Library/App/manifests/v1"), 400, "NAME_INVALID");
        refused(call("GET", "/v2/library/" + "a".repeat(260) + "/manifests/v1"), 400, "NAME_INVALID");
        for (String target : List.of("/v2/library/../app/manifests/v1", "/v2/library/%2e%2e/app/manifests/v1",
                "/v2/library//app/manifests/v1")) {
            String answer = raw(target);
            assertThat(answer).as(target).startsWith("HTTP/1.1 400").contains("\"code\":\"NAME_INVALID\"");
        }
    }

    @Test
    void tagsAndDigestsThatBreakTheirGrammarAreRefused() throws Exception {
        refused(call("PUT", "/v2/library/app/manifests/" + "t".repeat(129), "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", OCI_MANIFEST)), 400, "TAG_INVALID");
        refused(call("GET", "/v2/library/app/blobs/md5:d41d8cd98f00b204e9800998ecf8427e"), 400, "DIGEST_INVALID");
        refused(call("GET", "/v2/library/app/blobs/sha256:abc"), 400, "DIGEST_INVALID");
    }

    @Test
    void aBlobWhoseBytesDoNotMatchItsDigestIsNotStored() throws Exception {
        byte[] bytes = "the real bytes".getBytes(StandardCharsets.UTF_8);
        Digest other = Digest.sha256Of("other bytes".getBytes(StandardCharsets.UTF_8));
        refused(call("POST", "/v2/library/mismatch/blobs/uploads/?digest=" + other, bytes,
                Map.of("Content-Type", "application/octet-stream")), 400, "DIGEST_INVALID");
        assertThat(call("HEAD", "/v2/library/mismatch/blobs/" + other).statusCode()).isEqualTo(404);
        assertThat(call("HEAD", "/v2/library/mismatch/blobs/" + Digest.sha256Of(bytes)).statusCode()).isEqualTo(404);
    }

    @Test
    void chunksMustFollowOneAnotherAndAnEndedUploadTakesNoMore() throws Exception {
        HttpResponse<String> started = call("POST", "/v2/library/chunks/blobs/uploads/");
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(call("PATCH", location, ten, Map.of("Content-Range", "0-9", "Content-Type", "application/octet-stream")).statusCode())
                .isEqualTo(202);
        refused(call("PATCH", location, ten, Map.of("Content-Range", "20-29", "Content-Type", "application/octet-stream")), 416,
                "BLOB_UPLOAD_INVALID");
        refused(call("PATCH", location, ten, Map.of("Content-Range", "5-14", "Content-Type", "application/octet-stream")), 416,
                "BLOB_UPLOAD_INVALID");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(call("POST", "/v2/library/elsewhere/blobs/uploads/").statusCode()).isEqualTo(202);
        refused(call("PATCH", "/v2/library/elsewhere/blobs/uploads/" + id, ten, Map.of("Content-Range", "10-19",
                "Content-Type", "application/octet-stream")), 404, "BLOB_UPLOAD_UNKNOWN");
        assertThat(call("PUT", location + "?digest=" + Digest.sha256Of(ten), null, Map.of()).statusCode()).isEqualTo(201);
        refused(call("PATCH", location, ten, Map.of("Content-Range", "10-19", "Content-Type", "application/octet-stream")), 404,
                "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void manifestsThatAreNotJsonNameUnknownBlobsMixShapesOrDisagreeWithTheirTypeAreRefused() throws Exception {
        String missing = Digest.sha256Of("nobody pushed this".getBytes(StandardCharsets.UTF_8)).toString();
        refused(call("PUT", "/v2/library/manifests-app/manifests/v1", "not json".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", OCI_MANIFEST)), 400, "MANIFEST_INVALID");
        String unknownBlobs = """
                {"schemaVersion": 2, "mediaType": "%s", "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                 "digest": "%s", "size": 18}, "layers": []}""".formatted(OCI_MANIFEST, missing);
        refused(call("PUT", "/v2/library/manifests-app/manifests/v1", unknownBlobs.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", OCI_MANIFEST)), 400, "MANIFEST_BLOB_UNKNOWN");
        String mixed = """
                {"schemaVersion": 2, "mediaType": "%s", "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                 "digest": "%s", "size": 18}, "layers": [], "manifests": []}""".formatted(OCI_MANIFEST, missing);
        refused(call("PUT", "/v2/library/manifests-app/manifests/v1", mixed.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", OCI_MANIFEST)), 400, "MANIFEST_INVALID");
        refused(call("PUT", "/v2/library/manifests-app/manifests/v1", unknownBlobs.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/vnd.oci.image.index.v1+json")), 400, "MANIFEST_INVALID");
        refused(call("GET", "/v2/library/manifests-app/manifests/v1"), 404, "NAME_UNKNOWN");
    }

    @Test
    void pageSizesAreCheckedAndCapped() throws Exception {
        byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256Of(config);
        assertThat(call("POST", "/v2/library/paged/blobs/uploads/?digest=" + digest, config,
                Map.of("Content-Type", "application/octet-stream")).statusCode()).isEqualTo(201);
        String manifest = """
                {"schemaVersion": 2, "mediaType": "%s", "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                 "digest": "%s", "size": 2}, "layers": []}""".formatted(OCI_MANIFEST, digest);
        for (String tag : List.of("a", "b", "c")) {
            assertThat(call("PUT", "/v2/library/paged/manifests/" + tag, manifest.getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", OCI_MANIFEST)).statusCode()).isEqualTo(201);
        }
        assertThat(JSON.readTree(call("GET", "/v2/library/paged/tags/list?n=0").body()).get("tags")).isEmpty();
        HttpResponse<String> first = call("GET", "/v2/library/paged/tags/list?n=2");
        assertThat(JSON.readTree(first.body()).get("tags")).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(first.headers().firstValue("Link").orElseThrow()).contains("last=b").contains("rel=\"next\"");
        assertThat(JSON.readTree(call("GET", "/v2/library/paged/tags/list?n=99999999999").body()).get("tags")).hasSize(3);
        assertThat(JSON.readTree(call("GET", "/v2/library/paged/tags/list?last=zzz-unknown").body()).get("tags")).isEmpty();
        refused(call("GET", "/v2/library/paged/tags/list?n=-1"), 400, "PAGINATION_NUMBER_INVALID");
    }

    @Test
    void tokensThatAreExpiredForAnotherServiceOrSignedByAnotherKeyAreRefused() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
        Date now = new Date();
        List<JWTClaimsSet> claims = List.of(
                claims(new Date(now.getTime() - 3_600_000), "berth-registry"),
                claims(new Date(now.getTime() + 300_000), "another-service"));
        for (JWTClaimsSet set : claims) {
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("stranger").build(), set);
            token.sign(new ECDSASigner(stranger));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + started.endpoint() + "/v2/library/app/tags/list"))
                    .header("Authorization", "Bearer " + token.serialize()).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            refused(response, 401, "UNAUTHORIZED");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer realm=");
        }
    }

    private static JWTClaimsSet claims(Date expiry, String audience) {
        return new JWTClaimsSet.Builder().issuer("berth").audience(audience).subject("acs:ram::" + started.accountId() + ":root")
                .expirationTime(expiry).notBeforeTime(new Date(expiry.getTime() - 600_000)).issueTime(new Date())
                .jwtID("forged").claim("access", List.of(Map.of("type", "repository", "name", "library/app",
                        "actions", List.of("pull")))).build();
    }
}
