package dev.berth.server.registry.e2e;

import static dev.berth.server.registry.e2e.OciConformanceContent.DUMMY_DIGEST;
import static dev.berth.server.registry.e2e.OciConformanceContent.EMPTY_LAYER_TAG;
import static dev.berth.server.registry.e2e.OciConformanceContent.NONEXISTENT_MANIFEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.content.Digest;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The suite's Push workflow ({@code 02_push_test.go}): blobs streamed, monolithic and in chunks, a mount
 * across repositories, manifests by tag and without layers, and the teardown of what it pushed. See
 * {@link OciConformanceWorkflow}.
 */
abstract class OciPushWorkflowTest extends OciConformanceWorkflow {
    /** The suite's {@code lastResponse} and {@code prevResponse}: the upload locations carried from step to step. */
    private String lastLocation;
    private String previousLocation;
    private int mountStatus;

    @Test
    @Order(1)
    @DisplayName("Blob Upload Streamed › PATCH request with blob in body should yield 202 response")
    void patchRequestWithBlobInBodyShouldYield202Response() {
        String location = client.startUpload(NAME);
        Answer answer = client.patch(location, content.blobA, Optional.empty());
        assertSession(answer, 202, content.blobA.length);
        lastLocation = answer.header("Location").orElseThrow();
    }

    @Test
    @Order(2)
    @DisplayName("Blob Upload Streamed › PUT request to session URL with digest should yield 201 response")
    void putRequestToSessionUrlWithDigestShouldYield201Response() {
        Answer answer = client.put(withQuery(lastLocation, "digest", Digest.sha256Of(content.blobA).toString()), new byte[0], OCTETS);
        assertBlobCreated(answer, NAME, content.blobA);
    }

    @Test
    @Order(3)
    @DisplayName("Blob Upload Monolithic › GET nonexistent blob should result in 404 response")
    void getNonexistentBlobShouldResultIn404ResponseBeforeMonolithicUpload() {
        assertError(client.get(blobPath(NAME, DUMMY_DIGEST)), 404, "BLOB_UNKNOWN");
    }

    /** The suite accepts 202 from a registry that does not take a blob in one POST; Berth does (spec: 201). */
    @Test
    @Order(4)
    @DisplayName("Blob Upload Monolithic › POST request with digest and blob should yield a 201 or 202")
    void postRequestWithDigestAndBlobShouldYieldA201Or202() {
        byte[] config = content.configs.get(1);
        assertBlobCreated(client.post("/v2/" + NAME + "/blobs/uploads/?digest=" + Digest.sha256Of(config), config), NAME, config);
    }

    @Test
    @Order(5)
    @DisplayName("Blob Upload Monolithic › GET request to blob URL from prior request should yield 200 or 404 based on response code")
    void getRequestToBlobUrlFromPriorRequestShouldYield200Or404BasedOnResponseCode() {
        assertBlob(client.get(blobPath(NAME, Digest.sha256Of(content.configs.get(1)))), content.configs.get(1));
    }

    @Test
    @Order(6)
    @DisplayName("Blob Upload Monolithic › POST request should yield a session ID")
    void postRequestShouldYieldASessionId() {
        Answer answer = client.send("POST", "/v2/" + NAME + "/blobs/uploads/", Map.of(), BodyPublishers.noBody());
        assertSession(answer, 202, 0);
        lastLocation = answer.header("Location").orElseThrow();
    }

    @Test
    @Order(7)
    @DisplayName("Blob Upload Monolithic › PUT upload of a blob should yield a 201 Response")
    void putUploadOfABlobShouldYieldA201Response() {
        byte[] config = content.configs.get(1);
        assertBlobCreated(client.put(withQuery(lastLocation, "digest", Digest.sha256Of(config).toString()), config, OCTETS), NAME,
                config);
    }

    @Test
    @Order(8)
    @DisplayName("Blob Upload Monolithic › GET request to existing blob should yield 200 response")
    void getRequestToExistingBlobShouldYield200Response() {
        assertBlob(client.get(blobPath(NAME, Digest.sha256Of(content.configs.get(1)))), content.configs.get(1));
    }

    @Test
    @Order(9)
    @DisplayName("Blob Upload Monolithic › PUT upload of a layer blob should yield a 201 Response")
    void putUploadOfALayerBlobShouldYieldA201Response() {
        assertBlobCreated(pushThroughSession(content.layer), NAME, content.layer);
    }

    @Test
    @Order(10)
    @DisplayName("Blob Upload Monolithic › GET request to existing layer should yield 200 response")
    void getRequestToExistingLayerShouldYield200Response() {
        assertBlob(client.get(blobPath(NAME, Digest.sha256Of(content.layer))), content.layer);
    }

    /** The suite makes its chunks bigger when {@code OCI-Chunk-Min-Length} asks for more than its first chunk. */
    @Test
    @Order(11)
    @DisplayName("Blob Upload Chunked › Out-of-order blob upload should return 416")
    void outOfOrderBlobUploadShouldReturn416() {
        Answer start = client.send("POST", "/v2/" + NAME + "/blobs/uploads/", Map.of(), BodyPublishers.noBody());
        assertSession(start, 202, 0);
        assertThat(start.header("OCI-Chunk-Min-Length").map(Long::parseLong).orElse(0L))
                .isLessThanOrEqualTo(content.blobBChunk1.length);
        Answer answer = client.patch(start.header("Location").orElseThrow(), content.blobBChunk2, Optional.of(secondChunkRange()));
        assertError(answer, 416, "BLOB_UPLOAD_INVALID");
    }

    @Test
    @Order(12)
    @DisplayName("Blob Upload Chunked › PATCH request with first chunk should return 202")
    void patchRequestWithFirstChunkShouldReturn202() {
        previousLocation = client.startUpload(NAME);
        Answer answer = client.patch(previousLocation, content.blobBChunk1, Optional.of(firstChunkRange()));
        assertSession(answer, 202, content.blobBChunk1.length);
        assertThat(answer.header("Range")).hasValue(firstChunkRange());
        lastLocation = answer.header("Location").orElseThrow();
    }

    @Test
    @Order(13)
    @DisplayName("Blob Upload Chunked › Retry previous blob chunk should return 416")
    void retryPreviousBlobChunkShouldReturn416() {
        assertError(client.patch(previousLocation, content.blobBChunk1, Optional.of(firstChunkRange())), 416, "BLOB_UPLOAD_INVALID");
    }

    @Test
    @Order(14)
    @DisplayName("Blob Upload Chunked › Get on stale blob upload should return 204 with a range and location")
    void getOnStaleBlobUploadShouldReturn204WithARangeAndLocation() {
        Answer answer = client.get(previousLocation);
        assertSession(answer, 204, content.blobBChunk1.length);
        assertThat(answer.header("Range")).hasValue(firstChunkRange());
        lastLocation = answer.header("Location").orElseThrow();
    }

    @Test
    @Order(15)
    @DisplayName("Blob Upload Chunked › PATCH request with second chunk should return 202")
    void patchRequestWithSecondChunkShouldReturn202() {
        Answer answer = client.patch(lastLocation, content.blobBChunk2, Optional.of(secondChunkRange()));
        assertSession(answer, 202, content.blobB.length);
        lastLocation = answer.header("Location").orElseThrow();
    }

    @Test
    @Order(16)
    @DisplayName("Blob Upload Chunked › PUT request with digest should return 201")
    void putRequestWithDigestShouldReturn201() {
        Answer answer = client.put(withQuery(lastLocation, "digest", Digest.sha256Of(content.blobB).toString()), new byte[0], OCTETS);
        assertBlobCreated(answer, NAME, content.blobB);
        assertBlob(client.get(blobPath(NAME, Digest.sha256Of(content.blobB))), content.blobB);
    }

    @Test
    @Order(17)
    @DisplayName("Cross-Repository Blob Mount › Cross-mounting of a blob without the from argument should yield session id")
    void crossMountingOfABlobWithoutTheFromArgumentShouldYieldSessionId() {
        Answer answer = client.post("/v2/" + CROSSMOUNT + "/blobs/uploads/?mount=" + DUMMY_DIGEST, new byte[0]);
        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        assertThat(answer.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("/v2/" + CROSSMOUNT + "/blobs/uploads/"));
    }

    /** Berth mounts a blob the source holds and the caller may pull (201); the suite also accepts a session (202). */
    @Test
    @Order(18)
    @DisplayName("Cross-Repository Blob Mount › POST request to mount another repository's blob should return 201 or 202")
    void postRequestToMountAnotherRepositorysBlobShouldReturn201Or202() {
        Answer answer = client.post("/v2/" + CROSSMOUNT + "/blobs/uploads/?mount=" + Digest.sha256Of(content.blobA) + "&from=" + NAME,
                new byte[0]);
        assertBlobCreated(answer, CROSSMOUNT, content.blobA);
        mountStatus = answer.status();
        lastLocation = answer.header("Location").orElseThrow();
    }

    @Test
    @Order(19)
    @DisplayName("Cross-Repository Blob Mount › GET request to test digest within cross-mount namespace should return 200")
    void getRequestToTestDigestWithinCrossMountNamespaceShouldReturn200() {
        assertThat(mountStatus).isEqualTo(201);
        assertThat(lastLocation).isEqualTo(blobPath(CROSSMOUNT, Digest.sha256Of(content.blobA)));
        assertBlob(client.get(lastLocation), content.blobA);
    }

    /** Runs after the mount above answered 201, as the suite's does; Berth never mounts without {@code from}. */
    @Test
    @Order(20)
    @DisplayName("Cross-Repository Blob Mount › Cross-mounting without from, and automatic content discovery disabled should return a 202")
    void crossMountingWithoutFromAndAutomaticContentDiscoveryDisabledShouldReturnA202() {
        assertThat(mountStatus).isEqualTo(201);
        Answer answer = client.post("/v2/" + CROSSMOUNT + "/blobs/uploads/?mount=" + Digest.sha256Of(content.blobA), new byte[0]);
        assertSession(answer, 202, 0);
        assertThat(answer.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("/v2/" + CROSSMOUNT + "/blobs/uploads/"));
    }

    @Test
    @Order(21)
    @DisplayName("Manifest Upload › GET nonexistent manifest should return 404")
    void getNonexistentManifestShouldReturn404BeforeManifestUpload() {
        assertError(manifestRequest("GET", NONEXISTENT_MANIFEST), 404, "MANIFEST_UNKNOWN");
    }

    @Test
    @Order(22)
    @DisplayName("Manifest Upload › PUT should accept a manifest upload")
    void putShouldAcceptAManifestUpload() {
        for (int i = 0; i < 4; i++) {
            assertManifestCreated(putManifest("test" + i, content.manifests.get(1)), content.manifests.get(1));
        }
    }

    /** The suite only warns when this is refused; Berth takes an image without layers. */
    @Test
    @Order(23)
    @DisplayName("Manifest Upload › Registry should accept a manifest upload with no layers")
    void registryShouldAcceptAManifestUploadWithNoLayers() {
        assertManifestCreated(putManifest(EMPTY_LAYER_TAG, content.emptyLayerManifest), content.emptyLayerManifest);
        assertManifest(manifestRequest("GET", EMPTY_LAYER_TAG), content.emptyLayerManifest);
    }

    @Test
    @Order(24)
    @DisplayName("Manifest Upload › GET request to manifest URL (digest) should yield 200 response")
    void getRequestToManifestUrlDigestShouldYield200Response() {
        byte[] manifest = content.manifests.get(1);
        assertManifest(manifestRequest("GET", Digest.sha256Of(manifest).toString()), manifest);
    }

    @Test
    @Order(25)
    @DisplayName("Teardown › Delete manifest created in tests")
    void deleteManifestCreatedInTests() {
        assertAccepted(client.delete(manifestPath(Digest.sha256Of(content.manifests.get(1)).toString())));
        assertAccepted(client.delete(manifestPath(Digest.sha256Of(content.emptyLayerManifest).toString())));
    }

    @Test
    @Order(26)
    @DisplayName("Teardown › Delete config blob created in tests")
    void deleteConfigBlobCreatedInTests() {
        assertAccepted(client.delete(blobPath(NAME, Digest.sha256Of(content.configs.get(1)))));
    }

    @Test
    @Order(27)
    @DisplayName("Teardown › Delete layer blob created in setup")
    void deleteLayerBlobCreatedInSetupAfterPush() {
        assertAccepted(client.delete(blobPath(NAME, Digest.sha256Of(content.layer))));
    }

    private String firstChunkRange() {
        return "0-" + (content.blobBChunk1.length - 1);
    }

    private String secondChunkRange() {
        return content.blobBChunk1.length + "-" + (content.blobB.length - 1);
    }

    /** An upload session's answer: its location, and how much it holds. */
    private static void assertSession(Answer answer, int status, long held) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.header("Location")).as("%s", answer).hasValueSatisfying(location -> assertThat(location)
                .startsWith("/v2/").contains("/blobs/uploads/"));
        assertThat(answer.header("Range")).as("%s", answer).hasValue("0-" + Math.max(0, held - 1));
    }
}
