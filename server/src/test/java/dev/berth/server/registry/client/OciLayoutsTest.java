package dev.berth.server.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.content.Digest;
import dev.berth.server.registry.client.OciLayouts.Descriptor;
import dev.berth.server.registry.client.OciLayouts.Image;
import dev.berth.server.registry.client.OciLayouts.Layout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void everyBlobIsStoredUnderItsOwnDigest() throws IOException {
        Layout layout = OciLayouts.build(folder.resolve("layout"), 1);

        SortedMap<Digest, Path> blobs = OciLayouts.blobs(layout.directory());
        assertThat(blobs).hasSize(2 * (2 + OciLayouts.LAYERS_PER_IMAGE) + 4);
        for (Map.Entry<Digest, Path> blob : blobs.entrySet()) {
            assertThat(Digest.sha256Of(Files.readAllBytes(blob.getValue()))).isEqualTo(blob.getKey());
        }
        assertThat(JSON.readTree(layout.directory().resolve("oci-layout").toFile()).get("imageLayoutVersion").asText())
                .isEqualTo("1.0.0");
    }

    @Test
    void indexJsonNamesTheIndexAndTheReferrer() throws IOException {
        Layout layout = OciLayouts.build(folder.resolve("layout"), 1);

        JsonNode manifests = JSON.readTree(layout.directory().resolve("index.json").toFile()).get("manifests");
        assertThat(manifests).hasSize(2);
        assertThat(manifests.get(0).get("digest").asText()).isEqualTo(layout.index().digest().toString());
        assertThat(manifests.get(0).at("/annotations/org.opencontainers.image.ref.name").asText()).isEqualTo(OciLayouts.INDEX_TAG);
        assertThat(manifests.get(1).get("digest").asText()).isEqualTo(layout.referrer().digest().toString());
        assertThat(manifests.get(1).at("/annotations/org.opencontainers.image.ref.name").asText()).isEqualTo(OciLayouts.REFERRER_TAG);
    }

    @Test
    void indexHasALinuxAmd64AndALinuxArm64ImageOfDistinctLayers() throws IOException {
        Layout layout = OciLayouts.build(folder.resolve("layout"), 1);

        JsonNode index = read(layout, layout.index());
        assertThat(index.get("mediaType").asText()).isEqualTo(OciLayouts.IMAGE_INDEX);
        assertThat(index.get("manifests")).extracting(entry -> entry.at("/platform/os").asText() + "/"
                + entry.at("/platform/architecture").asText()).containsExactly("linux/amd64", "linux/arm64");
        List<Digest> layers = new ArrayList<>();
        for (Image image : layout.images()) {
            JsonNode manifest = read(layout, image.manifest());
            assertThat(manifest.at("/config/digest").asText()).isEqualTo(image.config().digest().toString());
            assertThat(manifest.get("layers")).hasSize(OciLayouts.LAYERS_PER_IMAGE);
            layers.addAll(image.layers().stream().map(Descriptor::digest).toList());
        }
        assertThat(layers).doesNotHaveDuplicates().hasSize(2 * OciLayouts.LAYERS_PER_IMAGE);
    }

    @Test
    void diffIdsOfTheConfigAreTheDigestsOfTheUncompressedLayers() throws IOException {
        Layout layout = OciLayouts.build(folder.resolve("layout"), 1);

        for (Image image : layout.images()) {
            JsonNode config = read(layout, image.config());
            assertThat(config.get("architecture").asText()).isEqualTo(image.architecture());
            List<String> unpacked = new ArrayList<>();
            for (Descriptor layer : image.layers()) {
                try (GZIPInputStream tar = new GZIPInputStream(new ByteArrayInputStream(bytes(layout, layer)))) {
                    unpacked.add(Digest.sha256Of(tar.readAllBytes()).toString());
                }
            }
            assertThat(config.at("/rootfs/diff_ids")).extracting(JsonNode::asText).containsExactlyElementsOf(unpacked);
        }
    }

    @Test
    void referrerIsAnArtifactWhoseSubjectIsTheIndex() throws IOException {
        Layout layout = OciLayouts.build(folder.resolve("layout"), 1);

        JsonNode referrer = read(layout, layout.referrer());
        assertThat(referrer.get("artifactType").asText()).isEqualTo(OciLayouts.REFERRER_ARTIFACT_TYPE);
        assertThat(referrer.at("/config/mediaType").asText()).isEqualTo(OciLayouts.EMPTY);
        assertThat(referrer.at("/subject/digest").asText()).isEqualTo(layout.index().digest().toString());
        assertThat(referrer.at("/subject/size").asLong()).isEqualTo(layout.index().size());
        assertThat(referrer.get("layers")).hasSize(1);
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws IOException {
        Layout first = OciLayouts.build(folder.resolve("first"), 7);
        Layout again = OciLayouts.build(folder.resolve("again"), 7);
        Layout other = OciLayouts.build(folder.resolve("other"), 8);

        assertThat(again.index()).isEqualTo(first.index());
        assertThat(again.referrer()).isEqualTo(first.referrer());
        assertThat(OciLayouts.blobs(other.directory()).keySet()).doesNotContainAnyElementsOf(
                OciLayouts.blobs(first.directory()).keySet().stream().filter(digest -> !isEmptyConfig(digest)).toList());
    }

    private static boolean isEmptyConfig(Digest digest) {
        return digest.equals(Digest.sha256Of("{}".getBytes(StandardCharsets.US_ASCII)));
    }

    private static JsonNode read(Layout layout, Descriptor descriptor) throws IOException {
        return JSON.readTree(bytes(layout, descriptor));
    }

    private static byte[] bytes(Layout layout, Descriptor descriptor) throws IOException {
        byte[] bytes = Files.readAllBytes(OciLayouts.blobs(layout.directory()).get(descriptor.digest()));
        assertThat(bytes).hasSize((int) descriptor.size());
        return bytes;
    }
}
