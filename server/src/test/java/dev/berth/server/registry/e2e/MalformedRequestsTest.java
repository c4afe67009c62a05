package dev.berth.server.registry.e2e;

import static dev.berth.server.registry.e2e.OciConformanceWorkflow.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.content.Digest;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad names, references, digests and page parameters (registry.md section 7) over HTTP: each answers
 * its OCI error code and status with an OCI error body, and nothing is stored (no repository made, no
 * tag moved).
 */
abstract class MalformedRequestsTest extends RunningRegistry {
    private static final String REPOSITORY = "library/requests";
    private final Random random = new Random(11);
    private byte[] manifest;
    private Digest manifestDigest;

    @BeforeAll
    void pushAnImage() {
        RobustHttp client = registry.bearer(REPOSITORY);
        manifest = TestImages.pushImage(client, REPOSITORY, "v1", TestImages.config("requests"),
                List.of(TestImages.randomBytes(random, 3000)));
        manifestDigest = Digest.sha256Of(manifest);
        for (String tag : List.of("a", "b", "c", "d", "e")) {
            client.pushManifest(REPOSITORY, tag, TestImages.IMAGE_MANIFEST, manifest);
        }
    }

    private List<String> catalog() {
        return RobustHttp.texts(registry.get("/v2/_catalog").json().get("repositories"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "library/../evil",
        "library/%2e%2e/evil",
        "library/%2E%2E/evil",
        "library//evil",
        "library/Evil",
        "LIBRARY/evil",
        "library/evil%2fapp",
        "library/ev%69l"})
    void aMalformedNameIsNameInvalidOnEveryPushRouteAndNothingIsMade(String name) {
        List<String> before = catalog();
        byte[] blob = "x".getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256Of(blob);

        assertError(registry.post("/v2/" + name + "/blobs/uploads/", new byte[0]), 400, "NAME_INVALID");
        assertError(registry.post("/v2/" + name + "/blobs/uploads/?digest=" + digest, blob), 400, "NAME_INVALID");
        assertError(registry.put("/v2/" + name + "/manifests/v1", manifest, TestImages.IMAGE_MANIFEST), 400, "NAME_INVALID");
        assertError(registry.get("/v2/" + name + "/tags/list"), 400, "NAME_INVALID");
        assertError(registry.get("/v2/" + name + "/manifests/v1"), 400, "NAME_INVALID");
        assertThat(catalog()).isEqualTo(before);
        Answer intact = registry.get("/v2/" + REPOSITORY + "/manifests/v1");
        assertThat(intact.body()).isEqualTo(manifest);
        assertThat(intact.header("Docker-Content-Digest")).hasValue(manifestDigest.toString());
    }

    @Test
    void aNameLongerThan255CharactersIsNameInvalid() {
        String name = "library/" + "a".repeat(248);
        assertThat(name).hasSize(256);
        List<String> before = catalog();

        assertError(registry.post("/v2/" + name + "/blobs/uploads/", new byte[0]), 400, "NAME_INVALID");
        assertError(registry.put("/v2/" + name + "/manifests/v1", manifest, TestImages.IMAGE_MANIFEST), 400, "NAME_INVALID");
        assertError(registry.get("/v2/" + name + "/tags/list"), 400, "NAME_INVALID");
        assertThat(catalog()).isEqualTo(before);
    }

    /** Reading or deleting by text that is no tag finds nothing (404, as the OCI conformance suite asks); only a push is refused. */
    @Test
    void aTagLongerThan128CharactersIsTagInvalidAndNotStored() {
        String tag = "t".repeat(129);
        assertError(registry.put("/v2/" + REPOSITORY + "/manifests/" + tag, manifest, TestImages.IMAGE_MANIFEST), 400, "TAG_INVALID");
        assertError(registry.get("/v2/" + REPOSITORY + "/manifests/" + tag), 404, "MANIFEST_UNKNOWN");
        assertThat(registry.head("/v2/" + REPOSITORY + "/manifests/" + tag).status()).isEqualTo(404);
        assertError(registry.delete("/v2/" + REPOSITORY + "/manifests/" + tag), 404, "MANIFEST_UNKNOWN");
        assertError(registry.put("/v2/" + REPOSITORY + "/manifests/.hidden", manifest, TestImages.IMAGE_MANIFEST), 400, "TAG_INVALID");
        assertThat(tags()).doesNotContain(tag);

        String longest = "t".repeat(128);
        assertThat(registry.put("/v2/" + REPOSITORY + "/manifests/" + longest, manifest, TestImages.IMAGE_MANIFEST).status()).isEqualTo(201);
        assertThat(registry.delete("/v2/" + REPOSITORY + "/manifests/" + longest).status()).isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "md5:d41d8cd98f00b204e9800998ecf8427e",
        "sha256:abc",
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855aa",
        "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
        "sha512:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "sha256:"})
    void aDigestOfAnUnknownAlgorithmOrWrongLengthIsDigestInvalidEverywhere(String digest) {
        byte[] blob = "digest".getBytes(StandardCharsets.UTF_8);
        String upload = registry.startUpload(REPOSITORY);

        assertError(registry.post("/v2/" + REPOSITORY + "/blobs/uploads/?digest=" + digest, blob), 400, "DIGEST_INVALID");
        assertError(registry.put(upload + "?digest=" + digest, blob, "application/octet-stream"), 400, "DIGEST_INVALID");
        assertError(registry.get("/v2/" + REPOSITORY + "/blobs/" + digest), 400, "DIGEST_INVALID");
        assertError(registry.get("/v2/" + REPOSITORY + "/manifests/" + digest), 400, "DIGEST_INVALID");
        assertError(registry.put("/v2/" + REPOSITORY + "/manifests/" + digest, manifest, TestImages.IMAGE_MANIFEST), 400,
                "DIGEST_INVALID");
        assertError(registry.get("/v2/" + REPOSITORY + "/referrers/" + digest), 400, "DIGEST_INVALID");
        assertError(registry.post("/v2/" + REPOSITORY + "/blobs/uploads/?mount=" + digest + "&from=library/other", new byte[0]), 400,
                "DIGEST_INVALID");
        assertThat(registry.get(upload).status()).as("the session is still open").isEqualTo(204);
        assertThat(registry.delete(upload).status()).isEqualTo(204);
    }

    @Test
    void aPageSizeOfZeroAnswersAnEmptyPage() {
        Answer answer = registry.get("/v2/" + REPOSITORY + "/tags/list?n=0");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().get("tags")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-99999999999999999999", "ten", "1e3", "0x10"})
    void aNegativeOrNonNumericPageSizeIsPaginationNumberInvalid(String n) {
        String encoded = URLEncoder.encode(n, StandardCharsets.UTF_8);
        assertError(registry.get("/v2/" + REPOSITORY + "/tags/list?n=" + encoded), 400, "PAGINATION_NUMBER_INVALID");
        assertError(registry.get("/v2/_catalog?n=" + encoded), 400, "PAGINATION_NUMBER_INVALID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "99999999999999999999999999999999999999", "1000000000"})
    void aHugePageSizeIsCappedNotAllocated(String n) {
        Answer answer = registry.get("/v2/" + REPOSITORY + "/tags/list?n=" + n);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(RobustHttp.texts(answer.json().get("tags"))).containsExactly("a", "b", "c", "d", "e", "v1");
        assertThat(registry.get("/v2/_catalog?n=" + n).status()).isEqualTo(200);
    }

    @Test
    void anUnknownLastAnswersTheTagsAfterIt() {
        Answer answer = registry.get("/v2/" + REPOSITORY + "/tags/list?last=bb");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(RobustHttp.texts(answer.json().get("tags"))).containsExactly("c", "d", "e", "v1");
        Answer past = registry.get("/v2/" + REPOSITORY + "/tags/list?last=zzz");
        assertThat(past.json().get("tags")).isEmpty();
        Answer catalog = registry.get("/v2/_catalog?last=library/zzz");
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.json().get("repositories")).isEmpty();
    }

    @Test
    void aLastThatIsNoTagIsPaginationNumberInvalid() {
        assertError(registry.get("/v2/" + REPOSITORY + "/tags/list?last=" + "x".repeat(200)), 400, "PAGINATION_NUMBER_INVALID");
        assertError(registry.get("/v2/" + REPOSITORY + "/tags/list?last=-a"), 400, "PAGINATION_NUMBER_INVALID");
        assertError(registry.get("/v2/_catalog?last=NotAName"), 400, "PAGINATION_NUMBER_INVALID");
    }

    private List<String> tags() {
        return RobustHttp.texts(registry.get("/v2/" + REPOSITORY + "/tags/list").json().get("tags"));
    }
}
