package dev.berth.server.registry.e2e;

import static dev.berth.server.registry.e2e.OciConformanceContent.ANNOTATION;
import static dev.berth.server.registry.e2e.OciConformanceContent.ARTIFACT_TYPE_A;
import static dev.berth.server.registry.e2e.OciConformanceContent.ARTIFACT_TYPE_B;
import static dev.berth.server.registry.e2e.OciConformanceContent.ARTIFACT_TYPE_INDEX;
import static dev.berth.server.registry.e2e.OciConformanceContent.DUMMY_DIGEST;
import static dev.berth.server.registry.e2e.OciConformanceContent.TEST_TAG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.registry.content.Digest;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The suite's Content Discovery workflow ({@code 03_discovery_test.go}): tags listed whole and in pages, and
 * the referrers of manifest 4, filtered and not, and of manifest 3, which is never pushed. See
 * {@link OciConformanceWorkflow}.
 */
abstract class OciContentDiscoveryWorkflowTest extends OciConformanceWorkflow {
    private List<String> tags = List.of();

    @Test
    @Order(1)
    @DisplayName("Setup › Populate registry with test blob")
    void populateRegistryWithTestBlob() {
        assertBlobCreated(pushThroughSession(content.configs.get(2)), NAME, content.configs.get(2));
    }

    @Test
    @Order(2)
    @DisplayName("Setup › Populate registry with test layer")
    void populateRegistryWithTestLayerForDiscovery() {
        assertBlobCreated(pushThroughSession(content.layer), NAME, content.layer);
    }

    @Test
    @Order(3)
    @DisplayName("Setup › Populate registry with test tags")
    void populateRegistryWithTestTags() {
        for (int i = 0; i < 4; i++) {
            assertManifestCreated(putManifest("test" + i, content.manifests.get(2)), content.manifests.get(2));
        }
        assertThat(tagList(client.get("/v2/" + NAME + "/tags/list"))).containsExactly("test0", "test1", "test2", "test3");
    }

    /** Pushes the referrers of manifest 4 (before and after it) and one of manifest 3, never pushed here. */
    @Test
    @Order(4)
    @DisplayName("Setup › References setup")
    void referencesSetup() {
        assertThat(Digest.sha256Of(content.emptyJson).toString())
                .isEqualTo("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        Digest subject = Digest.sha256Of(content.manifests.get(4));
        assertBlobCreated(pushThroughSession(content.emptyJson), NAME, content.emptyJson);
        assertBlobCreated(pushThroughSession(content.referenceBlobA), NAME, content.referenceBlobA);
        assertReferrerCreated(content.referrerAConfig, TestImages.IMAGE_MANIFEST, subject);
        assertReferrerCreated(content.referrerALayer, TestImages.IMAGE_MANIFEST, subject);
        assertReferrerCreated(content.referrerIndex, TestImages.IMAGE_INDEX, subject);
        assertBlobCreated(pushThroughSession(content.configs.get(4)), NAME, content.configs.get(4));
        assertBlobCreated(pushThroughSession(content.layer), NAME, content.layer);
        assertManifestCreated(putManifest(TEST_TAG, content.manifests.get(4)), content.manifests.get(4));
        assertBlobCreated(pushThroughSession(content.referenceBlobB), NAME, content.referenceBlobB);
        assertReferrerCreated(content.referrerBConfig, TestImages.IMAGE_MANIFEST, subject);
        assertReferrerCreated(content.referrerBLayer, TestImages.IMAGE_MANIFEST, subject);
        assertReferrerCreated(content.referrerCLayer, TestImages.IMAGE_MANIFEST, Digest.sha256Of(content.manifests.get(3)));
    }

    /** Stricter than the suite: the tags are all there, in lexical order, under the repository's name. */
    @Test
    @Order(5)
    @DisplayName("Test content discovery endpoints (listing tags) › GET request to list tags should yield 200 response")
    void getRequestToListTagsShouldYield200Response() {
        Answer answer = client.get("/v2/" + NAME + "/tags/list");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().get("name").asText()).isEqualTo(NAME);
        tags = tagList(answer);
        assertThat(tags).containsExactly(TEST_TAG, "test0", "test1", "test2", "test3");
    }

    @Test
    @Order(6)
    @DisplayName("Test content discovery endpoints (listing tags) › GET number of tags should be limitable by `n` query parameter")
    void getNumberOfTagsShouldBeLimitableByNQueryParameter() {
        int n = tags.size() / 2;
        Answer answer = client.get("/v2/" + NAME + "/tags/list?n=" + n);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(tagList(answer)).isEqualTo(tags.subList(0, n));
    }

    /** The suite reads only the first page again; the spec asks that the page after {@code last} start after it. */
    @Test
    @Order(7)
    @DisplayName("Test content discovery endpoints (listing tags) › GET start of tag is set by `last` query parameter")
    void getStartOfTagIsSetByLastQueryParameter() {
        int n = tags.size() / 2;
        List<String> first = tagList(client.get("/v2/" + NAME + "/tags/list?n=" + n));
        Answer answer = client.get("/v2/" + NAME + "/tags/list?n=" + n + "&last=" + first.get(n - 1));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(tagList(answer)).hasSizeLessThanOrEqualTo(n).isEqualTo(tags.subList(n, 2 * n));
    }

    @Test
    @Order(8)
    @DisplayName("Test content discovery endpoints (listing references) › GET request to nonexistent blob should result in empty 200 response")
    void getRequestToNonexistentBlobShouldResultInEmpty200Response() {
        assertThat(referrers(DUMMY_DIGEST, Optional.empty())).isEmpty();
    }

    /** Stricter than the suite: each descriptor says its media type, size and artifact type (its own, else its config's). */
    @Test
    @Order(9)
    @DisplayName("Test content discovery endpoints (listing references) › GET request to existing blob should yield 200")
    void getRequestToExistingBlobShouldYield200() {
        JsonNode manifests = referrers(Digest.sha256Of(content.manifests.get(4)), Optional.empty());
        assertReferrers(manifests, List.of(referrer(content.referrerAConfig, ARTIFACT_TYPE_A), referrer(content.referrerALayer,
                ARTIFACT_TYPE_A), new Referrer(content.referrerIndex, TestImages.IMAGE_INDEX, ARTIFACT_TYPE_INDEX),
                referrer(content.referrerBConfig, ARTIFACT_TYPE_B), referrer(content.referrerBLayer, ARTIFACT_TYPE_B)));
    }

    /** Berth filters, so the suite's branch for {@code OCI-Filters-Applied: artifactType} is the one taken. */
    @Test
    @Order(10)
    @DisplayName("Test content discovery endpoints (listing references) › GET request to existing blob with filter should yield 200")
    void getRequestToExistingBlobWithFilterShouldYield200() {
        JsonNode manifests = referrers(Digest.sha256Of(content.manifests.get(4)), Optional.of(ARTIFACT_TYPE_A));
        assertReferrers(manifests, List.of(referrer(content.referrerAConfig, ARTIFACT_TYPE_A), referrer(content.referrerALayer,
                ARTIFACT_TYPE_A)));
    }

    @Test
    @Order(11)
    @DisplayName("Test content discovery endpoints (listing references) › GET request to missing manifest should yield 200")
    void getRequestToMissingManifestShouldYield200() {
        JsonNode manifests = referrers(Digest.sha256Of(content.manifests.get(3)), Optional.empty());
        assertThat(manifests).hasSize(1);
        assertThat(manifests.get(0).get("digest").asText()).isEqualTo(Digest.sha256Of(content.referrerCLayer).toString());
        assertThat(manifests.get(0).get("artifactType").asText()).isEqualTo(ARTIFACT_TYPE_B);
    }

    /** The suite accepts 2xx, 404 or 405 for each; deleting manifest 4 by digest took its tag, so that one is 404. */
    @Test
    @Order(12)
    @DisplayName("Teardown › Delete created manifest & associated tags")
    void deleteCreatedManifestAndAssociatedTags() {
        for (byte[] manifest : List.of(content.referrerIndex, content.manifests.get(2), content.manifests.get(4),
                content.referrerAConfig, content.referrerALayer)) {
            assertAccepted(client.delete(manifestPath(Digest.sha256Of(manifest).toString())));
        }
        assertError(client.delete(manifestPath(TEST_TAG)), 404, "MANIFEST_UNKNOWN");
        for (byte[] manifest : List.of(content.referrerBConfig, content.referrerBLayer, content.referrerCLayer)) {
            assertAccepted(client.delete(manifestPath(Digest.sha256Of(manifest).toString())));
        }
        assertThat(tagList(client.get("/v2/" + NAME + "/tags/list"))).isEmpty();
    }

    @Test
    @Order(13)
    @DisplayName("Teardown › Delete config blob created in tests")
    void deleteConfigBlobCreatedInTestsAfterDiscovery() {
        assertAccepted(client.delete(blobPath(NAME, Digest.sha256Of(content.configs.get(2)))));
    }

    @Test
    @Order(14)
    @DisplayName("Teardown › Delete layer blob created in setup")
    void deleteLayerBlobCreatedInSetupAfterDiscovery() {
        assertAccepted(client.delete(blobPath(NAME, Digest.sha256Of(content.layer))));
    }

    /** The referrers were deleted above (404 now, which the suite accepts); their blobs go here. */
    @Test
    @Order(15)
    @DisplayName("Teardown › References teardown")
    void referencesTeardown() {
        for (byte[] manifest : List.of(content.referrerIndex, content.referrerAConfig, content.referrerALayer, content.manifests.get(4),
                content.referrerBConfig, content.referrerBLayer)) {
            assertError(client.delete(manifestPath(Digest.sha256Of(manifest).toString())), 404, "MANIFEST_UNKNOWN");
        }
        for (byte[] blob : List.of(content.configs.get(4), content.referenceBlobA, content.referenceBlobB, content.emptyJson)) {
            assertAccepted(client.delete(blobPath(NAME, Digest.sha256Of(blob))));
        }
    }

    /** The referrers of {@code subject} (optionally filtered): 200, an OCI index, and its {@code manifests}. */
    private JsonNode referrers(Digest subject, Optional<String> artifactType) {
        String query = artifactType.map(type -> "?artifactType=" + URLEncoder.encode(type, StandardCharsets.UTF_8)).orElse("");
        Answer answer = client.get("/v2/" + NAME + "/referrers/" + subject + query);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("Content-Type")).hasValue(TestImages.IMAGE_INDEX);
        assertThat(answer.header("OCI-Filters-Applied")).isEqualTo(artifactType.map(type -> "artifactType"));
        assertThat(answer.json().get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(answer.json().get("mediaType").asText()).isEqualTo(TestImages.IMAGE_INDEX);
        return answer.json().get("manifests");
    }

    /** A referrer as the referrers listing must describe it. */
    private record Referrer(byte[] manifest, String mediaType, String artifactType) {
    }

    private static Referrer referrer(byte[] imageManifest, String artifactType) {
        return new Referrer(imageManifest, TestImages.IMAGE_MANIFEST, artifactType);
    }

    /** The descriptors are exactly these referrers, each with its media type, size, artifact type and one annotation. */
    private void assertReferrers(JsonNode manifests, List<Referrer> expected) {
        List<String> digests = new ArrayList<>();
        manifests.forEach(descriptor -> digests.add(descriptor.get("digest").asText()));
        assertThat(digests).containsExactlyInAnyOrderElementsOf(expected.stream()
                .map(referrer -> Digest.sha256Of(referrer.manifest()).toString()).toList());
        for (Referrer referrer : expected) {
            Digest digest = Digest.sha256Of(referrer.manifest());
            JsonNode descriptor = manifests.get(digests.indexOf(digest.toString()));
            assertThat(descriptor.get("mediaType").asText()).as("%s", descriptor).isEqualTo(referrer.mediaType());
            assertThat(descriptor.get("size").asLong()).as("%s", descriptor).isEqualTo(referrer.manifest().length);
            assertThat(descriptor.get("artifactType").asText()).as("%s", descriptor).isEqualTo(referrer.artifactType());
            assertThat(descriptor.get("annotations")).as("%s", descriptor).hasSize(1);
            assertThat(descriptor.get("annotations").get(ANNOTATION).asText()).isEqualTo(content.annotations.get(digest));
        }
    }

    private void assertReferrerCreated(byte[] manifest, String mediaType, Digest subject) {
        Answer answer = client.put(manifestPath(Digest.sha256Of(manifest).toString()), manifest, mediaType);
        assertManifestCreated(answer, manifest);
        assertThat(answer.header("OCI-Subject")).hasValue(subject.toString());
    }
}
