package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.content.Digest;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The distribution-spec conformance suite ({@code opencontainers/distribution-spec}, {@code conformance/}:
 * {@code 01_pull_test.go} to {@code 04_management_test.go}) step by step, in its order, against a running
 * server, as the suite runs with all four workflows on ({@code OCI_TEST_PULL}, {@code OCI_TEST_PUSH},
 * {@code OCI_TEST_CONTENT_DISCOVERY}, {@code OCI_TEST_CONTENT_MANAGEMENT}), a cross-mount namespace,
 * {@code OCI_AUTOMATIC_CROSSMOUNT=0} and its default teardown order (manifests before blobs). Each subclass
 * is one workflow, run on a server of its own, and each test one step, displayed with the suite's words and
 * named after them (a suffix tells apart steps of the same name in two workflows); the steps of a workflow
 * share the registry's state as the suite's do, so a failure early makes later steps fail too, while a
 * workflow pushes all it reads and leaves nothing behind, so that none depends on another having run.
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
 *       another order, blobs first; {@link OciPullTeardownBlobsFirstWorkflowTest} runs the Pull teardown
 *       that way.
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class OciConformanceWorkflow extends RunningRegistry {
    /** The suite's {@code OCI_NAMESPACE}. */
    static final String NAME = "library/oci-conformance";
    /** The suite's {@code OCI_CROSSMOUNT_NAMESPACE}. */
    static final String CROSSMOUNT = "library/oci-conformance-crossmount";
    static final String OCTETS = "application/octet-stream";

    final OciConformanceContent content = new OciConformanceContent(new Random(1101));
    RobustHttp client;

    @BeforeEach
    void signIn() {
        client = registry.bearer(NAME, CROSSMOUNT);
    }

    static String blobPath(String name, Digest digest) {
        return "/v2/" + name + "/blobs/" + digest;
    }

    static String manifestPath(String reference) {
        return "/v2/" + NAME + "/manifests/" + reference;
    }

    /** A location with one more query parameter; the location is opaque (it may hold a query already). */
    static String withQuery(String location, String parameter, String value) {
        return location + (location.contains("?") ? "&" : "?") + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The setup push of every workflow: {@code POST} for a session, then {@code PUT} of the whole blob to its location. */
    Answer pushThroughSession(byte[] blob) {
        String location = client.startUpload(NAME);
        return client.put(withQuery(location, "digest", Digest.sha256Of(blob).toString()), blob, OCTETS);
    }

    Answer putManifest(String reference, byte[] manifest) {
        return client.put(manifestPath(reference), manifest, TestImages.IMAGE_MANIFEST);
    }

    /** A {@code GET} or {@code HEAD} of a manifest, accepting an OCI image manifest as the suite does. */
    Answer manifestRequest(String method, String reference) {
        return client.send(method, manifestPath(reference), Map.of("Accept", TestImages.IMAGE_MANIFEST), BodyPublishers.noBody());
    }

    static List<String> tagList(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return RobustHttp.texts(answer.json().get("tags"));
    }

    static void assertBlobCreated(Answer answer, String name, byte[] blob) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.header("Location")).as("%s", answer).hasValue(blobPath(name, Digest.sha256Of(blob)));
        assertThat(answer.header("Docker-Content-Digest")).as("%s", answer).hasValue(Digest.sha256Of(blob).toString());
    }

    static void assertManifestCreated(Answer answer, byte[] manifest) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.header("Location")).as("%s", answer).hasValue(manifestPath(Digest.sha256Of(manifest).toString()));
        assertThat(answer.header("Docker-Content-Digest")).as("%s", answer).hasValue(Digest.sha256Of(manifest).toString());
    }

    static void assertBlob(Answer answer, byte[] blob) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("Docker-Content-Digest")).hasValue(Digest.sha256Of(blob).toString());
        assertThat(answer.body()).isEqualTo(blob);
    }

    static void assertManifest(Answer answer, byte[] manifest) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("Content-Type")).hasValue(TestImages.IMAGE_MANIFEST);
        assertThat(answer.header("Docker-Content-Digest")).hasValue(Digest.sha256Of(manifest).toString());
        assertThat(answer.body()).isEqualTo(manifest);
    }

    static void assertAccepted(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
    }

    static void assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("%s", answer)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.errorCode()).as("%s", answer).isEqualTo(code);
        assertThat(answer.errorMessage()).as("%s", answer).isNotBlank();
    }
}
