package dev.berth.server.registry.e2e;

import static dev.berth.server.registry.e2e.OciConformanceContent.DUMMY_DIGEST;
import static dev.berth.server.registry.e2e.OciConformanceContent.NONEXISTENT_MANIFEST;
import static dev.berth.server.registry.e2e.OciConformanceContent.TEST_TAG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.content.Digest;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The suite's Pull workflow ({@code 01_pull_test.go}): setup pushes configs 0 and 1, the layer and manifests
 * 0 (by tag) and 1 (by digest); the steps read blobs and manifests that exist and do not, check an error
 * body, and the teardown deletes the manifests before the blobs. See {@link OciConformanceWorkflow}.
 */
abstract class OciPullWorkflowTest extends OciConformanceWorkflow {
    private static final List<String> ERROR_CODES = List.of("BLOB_UNKNOWN", "BLOB_UPLOAD_INVALID", "BLOB_UPLOAD_UNKNOWN",
            "DIGEST_INVALID", "MANIFEST_BLOB_UNKNOWN", "MANIFEST_INVALID", "MANIFEST_UNKNOWN", "MANIFEST_UNVERIFIED", "NAME_INVALID",
            "NAME_UNKNOWN", "SIZE_INVALID", "TAG_INVALID", "UNAUTHORIZED", "DENIED", "UNSUPPORTED");

    @Test
    @Order(1)
    @DisplayName("Setup › Populate registry with test blob (configs[0])")
    void populateRegistryWithTestBlobConfig0() {
        assertBlobCreated(pushThroughSession(content.configs.get(0)), NAME, content.configs.get(0));
    }

    @Test
    @Order(2)
    @DisplayName("Setup › Populate registry with test blob (configs[1])")
    void populateRegistryWithTestBlobConfig1() {
        assertBlobCreated(pushThroughSession(content.configs.get(1)), NAME, content.configs.get(1));
    }

    @Test
    @Order(3)
    @DisplayName("Setup › Populate registry with test layer")
    void populateRegistryWithTestLayer() {
        assertBlobCreated(pushThroughSession(content.layer), NAME, content.layer);
    }

    @Test
    @Order(4)
    @DisplayName("Setup › Populate registry with test manifest (manifests[0], by tag)")
    void populateRegistryWithTestManifest0() {
        assertManifestCreated(putManifest(TEST_TAG, content.manifests.get(0)), content.manifests.get(0));
    }

    @Test
    @Order(5)
    @DisplayName("Setup › Populate registry with test manifest (manifests[1], by digest)")
    void populateRegistryWithTestManifest1() {
        byte[] manifest = content.manifests.get(1);
        assertManifestCreated(putManifest(Digest.sha256Of(manifest).toString(), manifest), manifest);
    }

    @Test
    @Order(6)
    @DisplayName("Pull blobs › HEAD request to nonexistent blob should result in 404 response")
    void headRequestToNonexistentBlobShouldResultIn404Response() {
        Answer answer = client.head(blobPath(NAME, DUMMY_DIGEST));
        assertThat(answer.status()).as("%s", answer).isEqualTo(404);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    @Order(7)
    @DisplayName("Pull blobs › HEAD request to existing blob should yield 200")
    void headRequestToExistingBlobShouldYield200() {
        byte[] config = content.configs.get(0);
        Answer answer = client.head(blobPath(NAME, Digest.sha256Of(config)));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("Docker-Content-Digest")).hasValue(Digest.sha256Of(config).toString());
        assertThat(answer.header("Content-Length")).hasValue(String.valueOf(config.length));
        assertThat(answer.body()).isEmpty();
    }

    @Test
    @Order(8)
    @DisplayName("Pull blobs › GET nonexistent blob should result in 404 response")
    void getNonexistentBlobShouldResultIn404Response() {
        assertError(client.get(blobPath(NAME, DUMMY_DIGEST)), 404, "BLOB_UNKNOWN");
    }

    @Test
    @Order(9)
    @DisplayName("Pull blobs › GET request to existing blob URL should yield 200")
    void getRequestToExistingBlobUrlShouldYield200() {
        assertBlob(client.get(blobPath(NAME, Digest.sha256Of(content.configs.get(0)))), content.configs.get(0));
    }

    @Test
    @Order(10)
    @DisplayName("Pull manifests › HEAD request to nonexistent manifest should return 404")
    void headRequestToNonexistentManifestShouldReturn404() {
        Answer answer = manifestRequest("HEAD", NONEXISTENT_MANIFEST);
        assertThat(answer.status()).as("%s", answer).isEqualTo(404);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    @Order(11)
    @DisplayName("Pull manifests › HEAD request to manifest[0] path (digest) should yield 200 response")
    void headRequestToManifest0PathDigestShouldYield200Response() {
        byte[] manifest = content.manifests.get(0);
        assertManifestHead(manifestRequest("HEAD", Digest.sha256Of(manifest).toString()), manifest);
    }

    @Test
    @Order(12)
    @DisplayName("Pull manifests › HEAD request to manifest[1] path (digest) should yield 200 response")
    void headRequestToManifest1PathDigestShouldYield200Response() {
        byte[] manifest = content.manifests.get(1);
        assertManifestHead(manifestRequest("HEAD", Digest.sha256Of(manifest).toString()), manifest);
    }

    @Test
    @Order(13)
    @DisplayName("Pull manifests › HEAD request to manifest path (tag) should yield 200 response")
    void headRequestToManifestPathTagShouldYield200Response() {
        assertManifestHead(manifestRequest("HEAD", TEST_TAG), content.manifests.get(0));
    }

    @Test
    @Order(14)
    @DisplayName("Pull manifests › GET nonexistent manifest should return 404")
    void getNonexistentManifestShouldReturn404() {
        assertError(manifestRequest("GET", NONEXISTENT_MANIFEST), 404, "MANIFEST_UNKNOWN");
    }

    @Test
    @Order(15)
    @DisplayName("Pull manifests › GET request to manifest[0] path (digest) should yield 200 response")
    void getRequestToManifest0PathDigestShouldYield200Response() {
        byte[] manifest = content.manifests.get(0);
        assertManifest(manifestRequest("GET", Digest.sha256Of(manifest).toString()), manifest);
    }

    @Test
    @Order(16)
    @DisplayName("Pull manifests › GET request to manifest[1] path (digest) should yield 200 response")
    void getRequestToManifest1PathDigestShouldYield200Response() {
        byte[] manifest = content.manifests.get(1);
        assertManifest(manifestRequest("GET", Digest.sha256Of(manifest).toString()), manifest);
    }

    @Test
    @Order(17)
    @DisplayName("Pull manifests › GET request to manifest path (tag) should yield 200 response")
    void getRequestToManifestPathTagShouldYield200Response() {
        assertManifest(manifestRequest("GET", TEST_TAG), content.manifests.get(0));
    }

    /** The suite accepts 400 with a code of its list, or 404; Berth answers a malformed digest {@code DIGEST_INVALID}. */
    @Test
    @Order(18)
    @DisplayName("Error codes › 400 response body should contain OCI-conforming JSON message")
    void errorCodes400ResponseBodyShouldContainOciConformingJsonMessage() {
        Answer answer = client.send("GET", manifestPath("sha256:totallywrong"), Map.of("Content-Type", TestImages.IMAGE_MANIFEST),
                BodyPublishers.ofString("blablabla"));
        assertError(answer, 400, "DIGEST_INVALID");
        assertThat(ERROR_CODES).contains(answer.errorCode());
    }

    @Test
    @Order(19)
    @DisplayName("Teardown › Delete manifest[0] created in setup")
    void deleteManifest0CreatedInSetup() {
        assertAccepted(client.delete(manifestPath(Digest.sha256Of(content.manifests.get(0)).toString())));
    }

    @Test
    @Order(20)
    @DisplayName("Teardown › Delete manifest[1] created in setup")
    void deleteManifest1CreatedInSetup() {
        assertAccepted(client.delete(manifestPath(Digest.sha256Of(content.manifests.get(1)).toString())));
    }

    @Test
    @Order(21)
    @DisplayName("Teardown › Delete config[0] blob created in setup")
    void deleteConfig0BlobCreatedInSetup() {
        assertAccepted(client.delete(blobPath(NAME, Digest.sha256Of(content.configs.get(0)))));
    }

    @Test
    @Order(22)
    @DisplayName("Teardown › Delete config[1] blob created in setup")
    void deleteConfig1BlobCreatedInSetup() {
        assertAccepted(client.delete(blobPath(NAME, Digest.sha256Of(content.configs.get(1)))));
    }

    @Test
    @Order(23)
    @DisplayName("Teardown › Delete layer blob created in setup")
    void deleteLayerBlobCreatedInSetup() {
        assertAccepted(client.delete(blobPath(NAME, Digest.sha256Of(content.layer))));
    }

    private static void assertManifestHead(Answer answer, byte[] manifest) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("Docker-Content-Digest")).hasValue(Digest.sha256Of(manifest).toString());
        assertThat(answer.header("Content-Length")).hasValue(String.valueOf(manifest.length));
        assertThat(answer.body()).isEmpty();
    }
}
