package dev.berth.server.registry.e2e;

import static dev.berth.server.registry.e2e.OciConformanceContent.TEST_TAG;

import dev.berth.registry.content.Digest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The suite's Pull teardown ({@code 01_pull_test.go}) as it orders it under
 * {@code OCI_DELETE_MANIFEST_BEFORE_BLOBS=0}, after a setup of its own: the blobs first, while the manifest
 * still names them (the spec lets that make the image unresolvable, not refuse the delete), then the
 * manifest. See {@link OciConformanceWorkflow}.
 */
abstract class OciPullTeardownBlobsFirstWorkflowTest extends OciConformanceWorkflow {
    @Test
    @Order(1)
    @DisplayName("Setup › Populate registry with test blob, test layer and test manifest")
    void populateRegistryWithTestBlobLayerAndManifest() {
        assertBlobCreated(pushThroughSession(content.configs.get(0)), NAME, content.configs.get(0));
        assertBlobCreated(pushThroughSession(content.layer), NAME, content.layer);
        assertManifestCreated(putManifest(TEST_TAG, content.manifests.get(0)), content.manifests.get(0));
    }

    @Test
    @Order(2)
    @DisplayName("Teardown › Delete config[0] blob created in setup")
    void deleteConfig0BlobCreatedInSetupBeforeTheManifest() {
        assertAccepted(client.delete(blobPath(NAME, Digest.sha256Of(content.configs.get(0)))));
    }

    @Test
    @Order(3)
    @DisplayName("Teardown › Delete layer blob created in setup")
    void deleteLayerBlobCreatedInSetupBeforeTheManifest() {
        assertAccepted(client.delete(blobPath(NAME, Digest.sha256Of(content.layer))));
    }

    @Test
    @Order(4)
    @DisplayName("Teardown › Delete manifest[0] created in setup")
    void deleteManifest0CreatedInSetupAfterItsBlobs() {
        assertManifest(manifestRequest("GET", TEST_TAG), content.manifests.get(0));
        assertAccepted(client.delete(manifestPath(Digest.sha256Of(content.manifests.get(0)).toString())));
        assertError(manifestRequest("GET", TEST_TAG), 404, "MANIFEST_UNKNOWN");
    }
}
