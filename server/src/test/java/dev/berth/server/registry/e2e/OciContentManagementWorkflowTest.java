package dev.berth.server.registry.e2e;

import static dev.berth.server.registry.e2e.OciConformanceContent.TEST_TAG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.content.Digest;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The suite's Content Management workflow ({@code 04_management_test.go}): a tag deleted, then its
 * manifest, then its blobs, each gone afterwards. See {@link OciConformanceWorkflow}.
 */
abstract class OciContentManagementWorkflowTest extends OciConformanceWorkflow {
    private List<String> tags = List.of();

    @Test
    @Order(1)
    @DisplayName("Setup › Populate registry with test config blob")
    void populateRegistryWithTestConfigBlob() {
        assertBlobCreated(pushThroughSession(content.configs.get(3)), NAME, content.configs.get(3));
    }

    @Test
    @Order(2)
    @DisplayName("Setup › Populate registry with test layer")
    void populateRegistryWithTestLayerForManagement() {
        assertBlobCreated(pushThroughSession(content.layer), NAME, content.layer);
    }

    @Test
    @Order(3)
    @DisplayName("Setup › Populate registry with test tag")
    void populateRegistryWithTestTag() {
        assertManifestCreated(putManifest(TEST_TAG, content.manifests.get(3)), content.manifests.get(3));
    }

    @Test
    @Order(4)
    @DisplayName("Setup › Check how many tags there are before anything gets deleted")
    void checkHowManyTagsThereAreBeforeAnythingGetsDeleted() {
        Answer answer = client.get("/v2/" + NAME + "/tags/list");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        tags = tagList(answer);
        assertThat(tags).containsExactly(TEST_TAG);
    }

    /** Berth deletes tags (202); the suite also accepts a registry that refuses to (400 {@code UNSUPPORTED}, or 405). */
    @Test
    @Order(5)
    @DisplayName("Manifest delete › DELETE request to manifest tag should return 202, unless tag deletion is disallowed (400/405)")
    void deleteRequestToManifestTagShouldReturn202UnlessTagDeletionIsDisallowed() {
        assertAccepted(client.delete(manifestPath(TEST_TAG)));
    }

    /** Deleting the tag left the manifest (docs/decisions.md, Registry: manifests), so this one is 202, not 404. */
    @Test
    @Order(6)
    @DisplayName("Manifest delete › DELETE request to manifest (digest) should yield 202 response unless already deleted")
    void deleteRequestToManifestDigestShouldYield202ResponseUnlessAlreadyDeleted() {
        assertAccepted(client.delete(manifestPath(Digest.sha256Of(content.manifests.get(3)).toString())));
    }

    @Test
    @Order(7)
    @DisplayName("Manifest delete › GET request to deleted manifest URL should yield 404 response, unless delete is disallowed")
    void getRequestToDeletedManifestUrlShouldYield404ResponseUnlessDeleteIsDisallowed() {
        assertError(manifestRequest("GET", Digest.sha256Of(content.manifests.get(3)).toString()), 404, "MANIFEST_UNKNOWN");
    }

    @Test
    @Order(8)
    @DisplayName("Manifest delete › GET request to tags list should reflect manifest deletion")
    void getRequestToTagsListShouldReflectManifestDeletion() {
        Answer answer = client.get("/v2/" + NAME + "/tags/list");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(tagList(answer)).hasSizeLessThan(tags.size()).doesNotContain(TEST_TAG);
    }

    @Test
    @Order(9)
    @DisplayName("Blob delete › DELETE request to blob URL should yield 202 response")
    void deleteRequestToBlobUrlShouldYield202Response() {
        assertAccepted(client.delete(blobPath(NAME, Digest.sha256Of(content.configs.get(3)))));
        assertAccepted(client.delete(blobPath(NAME, Digest.sha256Of(content.layer))));
    }

    @Test
    @Order(10)
    @DisplayName("Blob delete › GET request to deleted blob URL should yield 404 response")
    void getRequestToDeletedBlobUrlShouldYield404Response() {
        assertError(client.get(blobPath(NAME, Digest.sha256Of(content.configs.get(3)))), 404, "BLOB_UNKNOWN");
    }
}
