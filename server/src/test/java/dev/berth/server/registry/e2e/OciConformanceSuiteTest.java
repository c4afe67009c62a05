package dev.berth.server.registry.e2e;

import static dev.berth.server.registry.e2e.OciConformanceContent.ANNOTATION;
import static dev.berth.server.registry.e2e.OciConformanceContent.ARTIFACT_TYPE_A;
import static dev.berth.server.registry.e2e.OciConformanceContent.ARTIFACT_TYPE_B;
import static dev.berth.server.registry.e2e.OciConformanceContent.ARTIFACT_TYPE_INDEX;
import static dev.berth.server.registry.e2e.OciConformanceContent.DUMMY_DIGEST;
import static dev.berth.server.registry.e2e.OciConformanceContent.EMPTY_LAYER_TAG;
import static dev.berth.server.registry.e2e.OciConformanceContent.NONEXISTENT_MANIFEST;
import static dev.berth.server.registry.e2e.OciConformanceContent.TEST_TAG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.registry.content.Digest;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The distribution-spec conformance suite ({@code opencontainers/distribution-spec}, {@code conformance/}:
 * {@code 01_pull_test.go} to {@code 04_management_test.go}) step by step, in its order, against a running
 * server, as the suite runs with all four workflows on ({@code OCI_TEST_PULL}, {@code OCI_TEST_PUSH},
 * {@code OCI_TEST_CONTENT_DISCOVERY}, {@code OCI_TEST_CONTENT_MANAGEMENT}), a cross-mount namespace,
 * {@code OCI_AUTOMATIC_CROSSMOUNT=0} and its default teardown order (manifests before blobs). Each nested
 * class is one workflow and each test one step, displayed with the suite's words and named after them (a
 * suffix tells apart steps of the same name in two workflows); the steps share the registry's state as
 * the suite's do, so a failure early makes later steps fail too.
 *
 * <p>Where the suite accepts several answers, a step asserts the one Berth gives and registry.md or the
 * spec asks for (a single-POST push is 201, not 202; a tag delete is 202, not 400 or 405), plus the
 * headers and bodies the spec requires and the suite does not read.
 *
 * <p>Steps the suite runs only in another configuration, and where they are covered instead:
 * <ul>
 *   <li>Pull, "Get tag name from environment", and Content Discovery, "Populate registry with test tags
 *       (no push)": only when the suite is pointed at content already in the registry; here the setup
 *       steps push it.
 *   <li>Push, "Cross-mounting of nonexistent blob should yield session id": only after a mount answered
 *       202, which Berth answers 201 for a blob the source holds; a mount of a blob the source lacks
 *       opening a session in the target is checked by
 *       {@link DistributionConformanceTest#aMountFromARepositoryTheCallerMayPullAnswers201AndAnUnknownBlobOpensASession}.
 *   <li>Push, "Cross-mounting without from, and automatic content discovery enabled should return a 201":
 *       only with {@code OCI_AUTOMATIC_CROSSMOUNT=1}; Berth mounts only from a named repository the
 *       caller may pull (registry.md section 3), so the "disabled" step is the one that applies.
 *   <li>The teardown steps under {@code OCI_DELETE_MANIFEST_BEFORE_BLOBS=0} are the same requests in
 *       another order, blobs first; {@link PullTeardownBlobsFirst} runs the Pull teardown that way.
 * </ul>
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
abstract class OciConformanceSuiteTest extends RunningRegistry {
    /** The suite's {@code OCI_NAMESPACE}. */
    private static final String NAME = "library/oci-conformance";
    /** The suite's {@code OCI_CROSSMOUNT_NAMESPACE}. */
    private static final String CROSSMOUNT = "library/oci-conformance-crossmount";
    private static final String OCTETS = "application/octet-stream";
    private static final List<String> ERROR_CODES = List.of("BLOB_UNKNOWN", "BLOB_UPLOAD_INVALID", "BLOB_UPLOAD_UNKNOWN",
            "DIGEST_INVALID", "MANIFEST_BLOB_UNKNOWN", "MANIFEST_INVALID", "MANIFEST_UNKNOWN", "MANIFEST_UNVERIFIED", "NAME_INVALID",
            "NAME_UNKNOWN", "SIZE_INVALID", "TAG_INVALID", "UNAUTHORIZED", "DENIED", "UNSUPPORTED");

    private final OciConformanceContent content = new OciConformanceContent(new Random(1101));
    private RobustHttp client;
    /** The suite's {@code lastResponse} and {@code prevResponse}: the upload locations carried from step to step. */
    private String lastLocation;
    private String previousLocation;
    private int mountStatus;
    private List<String> tags = List.of();

    @BeforeEach
    void signIn() {
        client = registry.bearer(NAME, CROSSMOUNT);
    }

    @Nested
    @Order(1)
    @DisplayName("Pull")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Pull {
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
    }

    @Nested
    @Order(2)
    @DisplayName("Push")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Push {
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
    }

    @Nested
    @Order(3)
    @DisplayName("Content Discovery")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class ContentDiscovery {
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
    }

    @Nested
    @Order(4)
    @DisplayName("Content Management")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class ContentManagement {
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

    /**
     * The Pull teardown again, as the suite orders it under {@code OCI_DELETE_MANIFEST_BEFORE_BLOBS=0}: the
     * blobs first, while the manifest still names them (the spec lets that make the image unresolvable,
     * not refuse the delete), then the manifest.
     */
    @Nested
    @Order(5)
    @DisplayName("Pull, teardown with OCI_DELETE_MANIFEST_BEFORE_BLOBS=0")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PullTeardownBlobsFirst {
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

    private static String blobPath(String name, Digest digest) {
        return "/v2/" + name + "/blobs/" + digest;
    }

    private static String manifestPath(String reference) {
        return "/v2/" + NAME + "/manifests/" + reference;
    }

    /** A location with one more query parameter; the location is opaque (it may hold a query already). */
    private static String withQuery(String location, String parameter, String value) {
        return location + (location.contains("?") ? "&" : "?") + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String firstChunkRange() {
        return "0-" + (content.blobBChunk1.length - 1);
    }

    private String secondChunkRange() {
        return content.blobBChunk1.length + "-" + (content.blobB.length - 1);
    }

    /** The setup push of every workflow: {@code POST} for a session, then {@code PUT} of the whole blob to its location. */
    private Answer pushThroughSession(byte[] blob) {
        String location = client.startUpload(NAME);
        return client.put(withQuery(location, "digest", Digest.sha256Of(blob).toString()), blob, OCTETS);
    }

    private Answer putManifest(String reference, byte[] manifest) {
        return client.put(manifestPath(reference), manifest, TestImages.IMAGE_MANIFEST);
    }

    /** A {@code GET} or {@code HEAD} of a manifest, accepting an OCI image manifest as the suite does. */
    private Answer manifestRequest(String method, String reference) {
        return client.send(method, manifestPath(reference), Map.of("Accept", TestImages.IMAGE_MANIFEST), BodyPublishers.noBody());
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

    private static List<String> tagList(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return RobustHttp.texts(answer.json().get("tags"));
    }

    private static void assertBlobCreated(Answer answer, String name, byte[] blob) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.header("Location")).as("%s", answer).hasValue(blobPath(name, Digest.sha256Of(blob)));
        assertThat(answer.header("Docker-Content-Digest")).as("%s", answer).hasValue(Digest.sha256Of(blob).toString());
    }

    private static void assertManifestCreated(Answer answer, byte[] manifest) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.header("Location")).as("%s", answer).hasValue(manifestPath(Digest.sha256Of(manifest).toString()));
        assertThat(answer.header("Docker-Content-Digest")).as("%s", answer).hasValue(Digest.sha256Of(manifest).toString());
    }

    /** An upload session's answer: its location, and how much it holds. */
    private static void assertSession(Answer answer, int status, long held) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.header("Location")).as("%s", answer).hasValueSatisfying(location -> assertThat(location)
                .startsWith("/v2/").contains("/blobs/uploads/"));
        assertThat(answer.header("Range")).as("%s", answer).hasValue("0-" + Math.max(0, held - 1));
    }

    private static void assertBlob(Answer answer, byte[] blob) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("Docker-Content-Digest")).hasValue(Digest.sha256Of(blob).toString());
        assertThat(answer.body()).isEqualTo(blob);
    }

    private static void assertManifest(Answer answer, byte[] manifest) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("Content-Type")).hasValue(TestImages.IMAGE_MANIFEST);
        assertThat(answer.header("Docker-Content-Digest")).hasValue(Digest.sha256Of(manifest).toString());
        assertThat(answer.body()).isEqualTo(manifest);
    }

    private static void assertManifestHead(Answer answer, byte[] manifest) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("Docker-Content-Digest")).hasValue(Digest.sha256Of(manifest).toString());
        assertThat(answer.header("Content-Length")).hasValue(String.valueOf(manifest.length));
        assertThat(answer.body()).isEmpty();
    }

    private static void assertAccepted(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
    }

    private static void assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("%s", answer)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.errorCode()).as("%s", answer).isEqualTo(code);
        assertThat(answer.errorMessage()).as("%s", answer).isNotBlank();
    }
}
