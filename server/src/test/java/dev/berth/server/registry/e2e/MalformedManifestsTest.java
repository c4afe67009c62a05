package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.registry.content.Digest;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import dev.berth.server.registry.e2e.TestImages.Descriptor;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Manifests the registry must refuse (registry.md sections 6 and 7) over HTTP: not JSON, naming
 * unknown blobs or manifests, mixing {@code layers} and {@code manifests}, a {@code mediaType} that
 * disagrees with the {@code Content-Type}, a digest reference that is not the body's, over 4 MiB. Each
 * answers its OCI error and status, and neither the manifest nor the tag is stored.
 */
abstract class MalformedManifestsTest extends RunningRegistry {
    private static final String REPOSITORY = "library/manifests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Random random = new Random(31);
    private RobustHttp client;
    private Descriptor config;
    private Descriptor layer;
    private byte[] good;

    @BeforeAll
    void pushBlobs() {
        RobustHttp pusher = registry.bearer(REPOSITORY);
        byte[] configBytes = TestImages.config("manifests");
        byte[] layerBytes = TestImages.randomBytes(random, 5000);
        good = TestImages.pushImage(pusher, REPOSITORY, "good", configBytes, List.of(layerBytes));
        config = Descriptor.of(TestImages.IMAGE_CONFIG, configBytes);
        layer = Descriptor.of(TestImages.LAYER, layerBytes);
    }

    @BeforeEach
    void signIn() {
        client = registry.bearer(REPOSITORY);
    }

    /** The push is refused with {@code code}, and neither the tag nor the digest of the body is there after. */
    private void assertRefused(byte[] body, String contentType, int status, String code) {
        Answer answer = client.put("/v2/" + REPOSITORY + "/manifests/bad", body, contentType);
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.errorCode()).as("%s", answer).isEqualTo(code);
        assertThat(answer.errorMessage()).as("%s", answer).isNotBlank();
        assertThat(client.get("/v2/" + REPOSITORY + "/manifests/bad").status()).isEqualTo(404);
        assertThat(client.head("/v2/" + REPOSITORY + "/manifests/" + Digest.sha256Of(body)).status()).isEqualTo(404);
        assertThat(RobustHttp.texts(client.get("/v2/" + REPOSITORY + "/tags/list").json().get("tags"))).containsExactly("good");
        assertThat(client.get("/v2/" + REPOSITORY + "/manifests/good").body()).isEqualTo(good);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{", "[]", "null", "{\"schemaVersion\": 2, \"schemaVersion\": 2}", "\u0000\u0001"})
    void aManifestThatIsNotAJsonObjectIsManifestInvalid(String body) {
        assertRefused(body.getBytes(StandardCharsets.UTF_8), TestImages.IMAGE_MANIFEST, 400, "MANIFEST_INVALID");
    }

    @Test
    void aManifestNamingAnUnknownLayerOrConfigIsManifestBlobUnknown() {
        Descriptor unknown = Descriptor.of(TestImages.LAYER, TestImages.randomBytes(random, 100));
        assertRefused(TestImages.imageManifest(config, List.of(layer, unknown)), TestImages.IMAGE_MANIFEST, 400, "MANIFEST_BLOB_UNKNOWN");
        assertRefused(TestImages.imageManifest(Descriptor.of(TestImages.IMAGE_CONFIG, TestImages.config("unknown")), List.of(layer)),
                TestImages.IMAGE_MANIFEST, 400, "MANIFEST_BLOB_UNKNOWN");
    }

    @Test
    void anIndexNamingAnUnknownManifestIsManifestBlobUnknown() {
        Descriptor unknown = Descriptor.of(TestImages.IMAGE_MANIFEST, TestImages.imageManifest(config, List.of()));
        assertRefused(TestImages.index(List.of(unknown)), TestImages.IMAGE_INDEX, 400, "MANIFEST_BLOB_UNKNOWN");
    }

    @Test
    void aDescriptorWithTheWrongSizeIsManifestInvalid() {
        Descriptor lying = new Descriptor(layer.mediaType(), layer.digest(), layer.size() + 1);
        assertRefused(TestImages.imageManifest(config, List.of(lying)), TestImages.IMAGE_MANIFEST, 400, "MANIFEST_INVALID");
    }

    @Test
    void aManifestWithBothLayersAndManifestsIsManifestInvalid() throws Exception {
        ObjectNode mixed = (ObjectNode) JSON.readTree(good);
        mixed.putArray("manifests").add(layer.toJson());
        assertRefused(TestImages.bytes(mixed), TestImages.IMAGE_MANIFEST, 400, "MANIFEST_INVALID");
        ObjectNode mixedIndex = (ObjectNode) JSON.readTree(TestImages.index(List.of(Descriptor.of(TestImages.IMAGE_MANIFEST, good))));
        mixedIndex.putArray("layers").add(layer.toJson());
        assertRefused(TestImages.bytes(mixedIndex), TestImages.IMAGE_INDEX, 400, "MANIFEST_INVALID");
    }

    @Test
    void aMediaTypeThatDisagreesWithTheContentTypeIsManifestInvalid() throws Exception {
        ObjectNode unpushed = (ObjectNode) JSON.readTree(good);
        unpushed.putObject("annotations").put("variant", "never pushed");
        byte[] valid = TestImages.bytes(unpushed);
        assertRefused(valid, TestImages.IMAGE_INDEX, 400, "MANIFEST_INVALID");
        assertRefused(valid, "application/vnd.docker.distribution.manifest.v2+json", 400, "MANIFEST_INVALID");
    }

    @Test
    void aDigestReferenceThatIsNotTheBodysDigestIsDigestInvalid() {
        Digest other = Digest.sha256Of("other".getBytes(StandardCharsets.UTF_8));
        Answer answer = client.put("/v2/" + REPOSITORY + "/manifests/" + other, good, TestImages.IMAGE_MANIFEST);
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("DIGEST_INVALID");
        assertThat(client.head("/v2/" + REPOSITORY + "/manifests/" + other).status()).isEqualTo(404);
    }

    @Test
    void aManifestOver4MiBIsRefusedWith413() throws Exception {
        ObjectNode huge = (ObjectNode) JSON.readTree(good);
        huge.putObject("annotations").put("padding", "x".repeat(4 << 20));
        assertRefused(TestImages.bytes(huge), TestImages.IMAGE_MANIFEST, 413, "SIZE_INVALID");
    }

    @Test
    void aManifestOver4MiBSentWithoutALengthIsRefusedWith413() throws Exception {
        ObjectNode huge = (ObjectNode) JSON.readTree(good);
        huge.putObject("annotations").put("padding", "x".repeat(5 << 20));
        byte[] body = TestImages.bytes(huge);
        Answer answer = client.send("PUT", "/v2/" + REPOSITORY + "/manifests/chunked", Map.of("Content-Type", TestImages.IMAGE_MANIFEST),
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertThat(answer.status()).as("%s", answer).isEqualTo(413);
        assertThat(answer.errorCode()).isEqualTo("SIZE_INVALID");
        assertThat(client.get("/v2/" + REPOSITORY + "/manifests/chunked").status()).isEqualTo(404);
    }

    @Test
    void aManifestOfAnUnknownSchemaVersionIsManifestInvalid() throws Exception {
        ObjectNode version = (ObjectNode) JSON.readTree(good);
        version.put("schemaVersion", 1);
        assertRefused(TestImages.bytes(version), TestImages.IMAGE_MANIFEST, 400, "MANIFEST_INVALID");
    }
}
