package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.registry.content.Digest;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import dev.berth.server.registry.e2e.TestImages.Descriptor;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The details of the OCI distribution-spec v1.1 answers that clients rely on: status codes,
 * {@code Location}, {@code Docker-Content-Digest}, {@code Range} of upload sessions, {@code Content-Length},
 * {@code HEAD} without a body, {@code Link} on listings with {@code n}, referrers with the
 * {@code artifactType} filter and {@code OCI-Filters-Applied}, {@code OCI-Subject}, blob ranges (206).
 */
abstract class DistributionConformanceTest extends RunningRegistry {
    private static final String REPOSITORY = "library/conformance";
    private static final String SOURCE = "library/conformance-source";
    private static final String ARTIFACT_TYPE = "application/vnd.dev.berth.test.signature.v1+json";
    private final Random random = new Random(41);
    private RobustHttp client;

    @BeforeEach
    void signIn() {
        client = registry.bearer(REPOSITORY, SOURCE);
    }

    private static void assertEmptyBody(Answer answer) {
        assertThat(answer.body()).as("%s", answer).isEmpty();
        assertThat(answer.header("Content-Length")).as("%s", answer).hasValue("0");
    }

    @Test
    void theBaseAnswers200SignedInAnd401WithAChallengeOtherwise() {
        Answer signedIn = client.get("/v2/");
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.header("Docker-Distribution-API-Version")).hasValue("registry/2.0");
        Answer anonymous = client.anonymous().get("/v2/");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(anonymous.header("WWW-Authenticate")).hasValue("Bearer realm=\"" + client.base() + "/auth/token\",service=\""
                + RobustHttp.SERVICE + "\"");
        Answer scoped = client.anonymous().get("/v2/" + REPOSITORY + "/tags/list");
        assertThat(scoped.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .contains("scope=\"repository:" + REPOSITORY + ":pull\""));
    }

    @Test
    void aMonolithicPushAnswers201WithLocationAndDigest() {
        byte[] blob = TestImages.randomBytes(random, 777);
        Digest digest = Digest.sha256Of(blob);
        Answer answer = client.post("/v2/" + REPOSITORY + "/blobs/uploads/?digest=" + digest, blob);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.header("Location")).hasValue("/v2/" + REPOSITORY + "/blobs/" + digest);
        assertThat(answer.header("Docker-Content-Digest")).hasValue(digest.toString());
        assertEmptyBody(answer);
    }

    @Test
    void aChunkedPushAnswersLocationAndRangeAtEveryStep() {
        byte[] blob = TestImages.randomBytes(random, 3000);
        Digest digest = Digest.sha256Of(blob);
        Answer start = client.send("POST", "/v2/" + REPOSITORY + "/blobs/uploads/", Map.of(), BodyPublishers.noBody());
        assertThat(start.status()).isEqualTo(202);
        String location = start.header("Location").orElseThrow();
        assertThat(location).startsWith("/v2/" + REPOSITORY + "/blobs/uploads/");
        assertThat(start.header("Docker-Upload-UUID")).hasValue(location.substring(location.lastIndexOf('/') + 1));
        assertThat(start.header("Range")).hasValue("0-0");
        assertEmptyBody(start);

        Answer first = client.patch(location, Arrays.copyOfRange(blob, 0, 1000), Optional.of("0-999"));
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Location")).hasValue(location);
        assertThat(first.header("Range")).hasValue("0-999");
        assertEmptyBody(first);
        Answer streamed = client.patch(location, Arrays.copyOfRange(blob, 1000, 2000), Optional.empty());
        assertThat(streamed.status()).isEqualTo(202);
        assertThat(streamed.header("Range")).hasValue("0-1999");

        Answer status = client.get(location);
        assertThat(status.status()).isEqualTo(204);
        assertThat(status.header("Location")).hasValue(location);
        assertThat(status.header("Range")).hasValue("0-1999");
        assertThat(status.body()).isEmpty();

        Answer finish = client.put(location + "?digest=" + digest, Arrays.copyOfRange(blob, 2000, 3000), "application/octet-stream");
        assertThat(finish.status()).as("%s", finish).isEqualTo(201);
        assertThat(finish.header("Location")).hasValue("/v2/" + REPOSITORY + "/blobs/" + digest);
        assertThat(finish.header("Docker-Content-Digest")).hasValue(digest.toString());
        assertEmptyBody(finish);
    }

    @Test
    void cancellingAnUploadAnswers204() {
        String location = client.startUpload(REPOSITORY);
        Answer cancel = client.delete(location);
        assertThat(cancel.status()).isEqualTo(204);
        assertThat(client.get(location).status()).isEqualTo(404);
    }

    @Test
    void blobsAnswerHeadWithoutBodyRangesWith206AndDeletesWith202() {
        byte[] blob = TestImages.randomBytes(random, 5000);
        Digest digest = client.pushBlob(REPOSITORY, blob);
        String path = "/v2/" + REPOSITORY + "/blobs/" + digest;

        Answer head = client.head(path);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).hasValue("5000");
        assertThat(head.header("Docker-Content-Digest")).hasValue(digest.toString());
        assertThat(head.body()).isEmpty();

        Answer whole = client.get(path);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Content-Length")).hasValue("5000");
        assertThat(whole.header("Docker-Content-Digest")).hasValue(digest.toString());
        assertThat(whole.body()).isEqualTo(blob);

        Answer part = client.get(path, Map.of("Range", "bytes=100-199"));
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).hasValue("bytes 100-199/5000");
        assertThat(part.header("Content-Length")).hasValue("100");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(blob, 100, 200));
        Answer tail = client.get(path, Map.of("Range", "bytes=4900-"));
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(blob, 4900, 5000));
        Answer past = client.get(path, Map.of("Range", "bytes=5000-5100"));
        assertThat(past.status()).isEqualTo(416);
        assertThat(past.header("Content-Range")).hasValue("bytes */5000");

        Answer delete = client.delete(path);
        assertThat(delete.status()).isEqualTo(202);
        assertThat(client.head(path).status()).isEqualTo(404);
        Answer missing = client.get(path);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("BLOB_UNKNOWN");
    }

    @Test
    void manifestsAnswerLocationDigestContentTypeAndHeadWithoutBody() {
        byte[] config = TestImages.config("conformance");
        client.pushBlob(REPOSITORY, config);
        byte[] manifest = TestImages.imageManifest(Descriptor.of(TestImages.IMAGE_CONFIG, config), List.of());
        Digest digest = Digest.sha256Of(manifest);

        Answer put = client.put("/v2/" + REPOSITORY + "/manifests/v1", manifest, TestImages.IMAGE_MANIFEST);
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("Location")).hasValue("/v2/" + REPOSITORY + "/manifests/" + digest);
        assertThat(put.header("Docker-Content-Digest")).hasValue(digest.toString());
        assertThat(put.header("OCI-Subject")).isEmpty();
        assertEmptyBody(put);

        for (String reference : List.of("v1", digest.toString())) {
            Answer get = client.get("/v2/" + REPOSITORY + "/manifests/" + reference);
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.header("Content-Type")).hasValue(TestImages.IMAGE_MANIFEST);
            assertThat(get.header("Docker-Content-Digest")).hasValue(digest.toString());
            assertThat(get.header("Content-Length")).hasValue(String.valueOf(manifest.length));
            assertThat(get.body()).isEqualTo(manifest);
            Answer head = client.head("/v2/" + REPOSITORY + "/manifests/" + reference);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Type")).hasValue(TestImages.IMAGE_MANIFEST);
            assertThat(head.header("Docker-Content-Digest")).hasValue(digest.toString());
            assertThat(head.header("Content-Length")).hasValue(String.valueOf(manifest.length));
            assertThat(head.body()).isEmpty();
        }
        Answer missing = client.head("/v2/" + REPOSITORY + "/manifests/missing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEmpty();
        assertThat(client.get("/v2/" + REPOSITORY + "/manifests/missing").errorCode()).isEqualTo("MANIFEST_UNKNOWN");
    }

    @Test
    void referrersAreFilteredByArtifactTypeAndSayOciFiltersApplied() {
        byte[] config = TestImages.config("subject");
        client.pushBlob(REPOSITORY, config);
        byte[] subjectBytes = TestImages.imageManifest(Descriptor.of(TestImages.IMAGE_CONFIG, config), List.of(),
                Optional.empty(), Optional.of("application/vnd.dev.berth.test.subject"));
        Descriptor subject = Descriptor.of(TestImages.IMAGE_MANIFEST, subjectBytes);
        client.pushManifest(REPOSITORY, "subject", TestImages.IMAGE_MANIFEST, subjectBytes);
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        client.pushBlob(REPOSITORY, empty);
        Descriptor emptyConfig = Descriptor.of("application/vnd.oci.empty.v1+json", empty);
        byte[] signature = TestImages.imageManifest(emptyConfig, List.of(), Optional.of(subject), Optional.of(ARTIFACT_TYPE));
        byte[] sbom = TestImages.imageManifest(emptyConfig, List.of(), Optional.of(subject), Optional.of("application/spdx+json"));

        Answer put = client.put("/v2/" + REPOSITORY + "/manifests/" + Digest.sha256Of(signature), signature, TestImages.IMAGE_MANIFEST);
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("OCI-Subject")).hasValue(subject.digest().toString());
        client.pushManifest(REPOSITORY, Digest.sha256Of(sbom).toString(), TestImages.IMAGE_MANIFEST, sbom);

        Answer all = client.get("/v2/" + REPOSITORY + "/referrers/" + subject.digest());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.header("Content-Type")).hasValue(TestImages.IMAGE_INDEX);
        assertThat(all.header("OCI-Filters-Applied")).isEmpty();
        assertThat(all.json().get("mediaType").asText()).isEqualTo(TestImages.IMAGE_INDEX);
        assertThat(all.json().get("manifests").findValuesAsText("artifactType")).containsExactlyInAnyOrder(ARTIFACT_TYPE,
                "application/spdx+json");

        Answer filtered = client.get("/v2/" + REPOSITORY + "/referrers/" + subject.digest() + "?artifactType="
                + URLEncoder.encode(ARTIFACT_TYPE, StandardCharsets.UTF_8));
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.header("OCI-Filters-Applied")).hasValue("artifactType");
        JsonNode manifests = filtered.json().get("manifests");
        assertThat(manifests).hasSize(1);
        assertThat(manifests.get(0).get("digest").asText()).isEqualTo(Digest.sha256Of(signature).toString());
        assertThat(manifests.get(0).get("size").asLong()).isEqualTo(signature.length);
        assertThat(manifests.get(0).get("mediaType").asText()).isEqualTo(TestImages.IMAGE_MANIFEST);

        Answer unmatched = client.get("/v2/" + REPOSITORY + "/referrers/" + subject.digest() + "?artifactType="
                + URLEncoder.encode("application/vnd.dev.berth.test.none", StandardCharsets.UTF_8));
        assertThat(unmatched.status()).isEqualTo(200);
        assertThat(unmatched.header("OCI-Filters-Applied")).hasValue("artifactType");
        assertThat(unmatched.json().get("manifests")).isEmpty();

        Answer none = client.get("/v2/" + REPOSITORY + "/referrers/" + Digest.sha256Of(new byte[] {42}));
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().get("manifests")).isEmpty();
    }

    @Test
    void aReferrerWhoseSubjectIsMissingIsAcceptedAndListed() {
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        client.pushBlob(REPOSITORY, empty);
        Descriptor missing = Descriptor.of(TestImages.IMAGE_MANIFEST, TestImages.randomBytes(random, 200));
        byte[] referrer = TestImages.imageManifest(Descriptor.of("application/vnd.oci.empty.v1+json", empty), List.of(),
                Optional.of(missing), Optional.of(ARTIFACT_TYPE));
        Answer put = client.put("/v2/" + REPOSITORY + "/manifests/" + Digest.sha256Of(referrer), referrer, TestImages.IMAGE_MANIFEST);
        assertThat(put.status()).as("%s", put).isEqualTo(201);
        assertThat(put.header("OCI-Subject")).hasValue(missing.digest().toString());
        Answer listed = client.get("/v2/" + REPOSITORY + "/referrers/" + missing.digest());
        assertThat(listed.json().get("manifests").findValuesAsText("digest")).containsExactly(Digest.sha256Of(referrer).toString());
    }

    @Test
    void anEmptyBlobCanBePushedAndPulled() {
        Digest digest = client.pushBlob(REPOSITORY, new byte[0]);
        Answer answer = client.get("/v2/" + REPOSITORY + "/blobs/" + digest);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Length")).hasValue("0");
        assertThat(client.head("/v2/" + REPOSITORY + "/blobs/" + digest).status()).isEqualTo(200);
    }

    @Test
    void tagsAndCatalogArePagedWithALinkToTheNextPage() {
        byte[] config = TestImages.config("paging");
        client.pushBlob(SOURCE, config);
        byte[] manifest = TestImages.imageManifest(Descriptor.of(TestImages.IMAGE_CONFIG, config), List.of());
        for (String tag : List.of("p1", "p2", "p3", "p4", "p5")) {
            client.pushManifest(SOURCE, tag, TestImages.IMAGE_MANIFEST, manifest);
        }
        Answer first = client.get("/v2/" + SOURCE + "/tags/list?n=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("name").asText()).isEqualTo(SOURCE);
        assertThat(RobustHttp.texts(first.json().get("tags"))).containsExactly("p1", "p2");
        assertThat(first.header("Link")).hasValue("</v2/" + SOURCE + "/tags/list?n=2&last=p2>; rel=\"next\"");
        Answer second = client.get(next(first));
        assertThat(RobustHttp.texts(second.json().get("tags"))).containsExactly("p3", "p4");
        Answer third = client.get(next(second));
        assertThat(RobustHttp.texts(third.json().get("tags"))).containsExactly("p5");
        assertThat(third.header("Link")).isEmpty();

        Answer catalog = registry.get("/v2/_catalog?n=1");
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.json().get("repositories")).hasSize(1);
        assertThat(catalog.header("Link")).hasValueSatisfying(link -> assertThat(link).startsWith("</v2/_catalog?n=1&last=")
                .endsWith(">; rel=\"next\""));
    }

    @Test
    void aMountFromARepositoryTheCallerMayPullAnswers201AndAnUnknownBlobOpensASession() {
        byte[] blob = TestImages.randomBytes(random, 1234);
        Digest digest = client.pushBlob(SOURCE, blob);
        Answer mounted = client.post("/v2/" + REPOSITORY + "/blobs/uploads/?mount=" + digest + "&from=" + SOURCE, new byte[0]);
        assertThat(mounted.status()).as("%s", mounted).isEqualTo(201);
        assertThat(mounted.header("Location")).hasValue("/v2/" + REPOSITORY + "/blobs/" + digest);
        assertThat(mounted.header("Docker-Content-Digest")).hasValue(digest.toString());
        assertThat(client.get("/v2/" + REPOSITORY + "/blobs/" + digest).body()).isEqualTo(blob);

        Digest unknown = Digest.sha256Of(TestImages.randomBytes(random, 10));
        Answer session = client.post("/v2/" + REPOSITORY + "/blobs/uploads/?mount=" + unknown + "&from=" + SOURCE, new byte[0]);
        assertThat(session.status()).isEqualTo(202);
        assertThat(session.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("/v2/" + REPOSITORY + "/blobs/uploads/"));
    }

    @Test
    void deletingATagOrAManifestAnswers202() {
        byte[] config = TestImages.config("delete");
        client.pushBlob(REPOSITORY, config);
        byte[] manifest = TestImages.imageManifest(Descriptor.of(TestImages.IMAGE_CONFIG, config), List.of());
        Digest digest = client.pushManifest(REPOSITORY, "to-delete", TestImages.IMAGE_MANIFEST, manifest);
        client.pushManifest(REPOSITORY, "kept", TestImages.IMAGE_MANIFEST, manifest);
        assertThat(client.delete("/v2/" + REPOSITORY + "/manifests/to-delete").status()).isEqualTo(202);
        assertThat(client.get("/v2/" + REPOSITORY + "/manifests/to-delete").status()).isEqualTo(404);
        assertThat(client.get("/v2/" + REPOSITORY + "/manifests/kept").status()).isEqualTo(200);
        assertThat(client.delete("/v2/" + REPOSITORY + "/manifests/" + digest).status()).isEqualTo(202);
        assertThat(client.get("/v2/" + REPOSITORY + "/manifests/kept").status()).isEqualTo(404);
        assertThat(client.delete("/v2/" + REPOSITORY + "/manifests/" + digest).errorCode()).isEqualTo("MANIFEST_UNKNOWN");
    }

    @Test
    void anUnsupportedMethodOrAnUnknownPathAnswersAnOciError() {
        Answer method = client.send("POST", "/v2/" + REPOSITORY + "/tags/list", Map.of(), BodyPublishers.noBody());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.errorCode()).isEqualTo("UNSUPPORTED");
        Answer path = client.get("/v2/" + REPOSITORY + "/nothing-here");
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.errorCode()).isNotBlank();
    }

    @Test
    void headersTooLargeForJettyStillAnswerAnOciError() {
        Answer answer = client.get("/v2/" + REPOSITORY + "/tags/list", Map.of("X-Padding", "x".repeat(20_000)));
        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.errorCode()).isNotBlank();
        assertThat(answer.errorMessage()).isNotBlank();
    }

    private static String next(Answer page) {
        String link = page.header("Link").orElseThrow();
        return link.substring(1, link.indexOf('>'));
    }
}
