package dev.berth.server.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.content.Digest;
import dev.berth.server.registry.client.OciLayouts.Image;
import dev.berth.server.registry.client.OciLayouts.Layout;
import dev.berth.server.registry.client.Skopeo.Credentials;
import dev.berth.server.registry.client.Skopeo.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the fixtures against a reference registry: a layout built by {@link OciLayouts} goes through
 * CNCF Distribution (with Basic authentication) by {@link Skopeo} and comes back byte for byte. Needs
 * skopeo and docker-registry installed; without them it fails, never skips.
 */
class SkopeoAgainstDistributionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Optional<Credentials> USER = Optional.of(DistributionRegistry.USER);
    private static final Optional<Credentials> NONE = Optional.empty();
    private static final String REPOSITORY = "ns/app";

    @TempDir
    Path folder;

    @Test
    void layoutMakesARoundTripThroughDistributionByteForByte() throws Exception {
        Layout source = OciLayouts.build(folder.resolve("source"), 42);
        Skopeo skopeo = Skopeo.create(folder.resolve("skopeo"));
        try (DistributionRegistry registry = DistributionRegistry.startWithUser(folder.resolve("registry"))) {
            String image = registry.image(REPOSITORY, OciLayouts.INDEX_TAG);
            String referrer = registry.image(REPOSITORY, source.referrer().digest().toString());
            skopeo.copyAll(source.reference(OciLayouts.INDEX_TAG), image, NONE, USER).assertSucceeded();
            skopeo.copyAll(source.reference(OciLayouts.REFERRER_TAG), referrer, NONE, USER).assertSucceeded();

            Path copy = folder.resolve("copy");
            skopeo.copyAll(image, "oci:" + copy + ":" + OciLayouts.INDEX_TAG, USER, NONE).assertSucceeded();
            skopeo.copyAll(referrer, "oci:" + copy + ":" + OciLayouts.REFERRER_TAG, USER, NONE).assertSucceeded();

            assertThat(OciLayouts.blobs(source.directory())).hasSize(2 * (2 + OciLayouts.LAYERS_PER_IMAGE) + 4);
            assertSameBlobs(source.directory(), copy);
        }
    }

    @Test
    void inspectListTagsDeleteAndLoginWorkAgainstDistribution() throws Exception {
        Layout source = OciLayouts.build(folder.resolve("source"), 43);
        Skopeo skopeo = Skopeo.create(folder.resolve("skopeo"));
        try (DistributionRegistry registry = DistributionRegistry.startWithUser(folder.resolve("registry"))) {
            String image = registry.image(REPOSITORY, OciLayouts.INDEX_TAG);
            String referrer = registry.image(REPOSITORY, source.referrer().digest().toString());
            skopeo.copyAll(source.reference(OciLayouts.INDEX_TAG), image, NONE, USER).assertSucceeded();
            skopeo.copyAll(source.reference(OciLayouts.REFERRER_TAG), referrer, NONE, USER).assertSucceeded();

            Result anonymous = skopeo.listTags(registry.repository(REPOSITORY), NONE);
            assertThat(anonymous.exitCode()).isNotZero();
            assertThat(anonymous.stderr()).containsIgnoringCase("unauthorized");
            JsonNode tags = JSON.readTree(skopeo.listTags(registry.repository(REPOSITORY), USER).assertSucceeded().stdout());
            assertThat(tags.get("Tags")).extracting(JsonNode::asText).containsExactly(OciLayouts.INDEX_TAG);

            assertThat(skopeo.inspectRaw(image, USER).assertSucceeded().stdout().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(blob(source, source.index().digest()));
            Image arm = source.images().get(1);
            JsonNode config = JSON.readTree(skopeo.inspectConfig(registry.image(REPOSITORY, arm.manifest().digest().toString()), USER)
                    .assertSucceeded().stdout());
            assertThat(config.get("architecture").asText()).isEqualTo("arm64");
            assertThat(config.at("/rootfs/diff_ids")).hasSize(OciLayouts.LAYERS_PER_IMAGE);

            skopeo.login(registry.address(), DistributionRegistry.USER).assertSucceeded();
            assertThat(Files.readString(skopeo.authFile())).contains(registry.address());
            skopeo.delete(referrer, NONE).assertSucceeded();
            assertThat(skopeo.inspectRaw(referrer, NONE).exitCode()).isNotZero();
            assertThat(skopeo.inspectRaw(image, NONE).assertSucceeded().stdout()).contains(arm.manifest().digest().toString());
            skopeo.logout(registry.address()).assertSucceeded();
            assertThat(skopeo.inspectRaw(image, NONE).exitCode()).isNotZero();
        }
    }

    private static byte[] blob(Layout layout, Digest digest) throws IOException {
        return Files.readAllBytes(OciLayouts.blobs(layout.directory()).get(digest));
    }

    private static void assertSameBlobs(Path expected, Path actual) throws IOException {
        SortedMap<Digest, Path> expectedBlobs = OciLayouts.blobs(expected);
        SortedMap<Digest, Path> actualBlobs = OciLayouts.blobs(actual);
        assertThat(actualBlobs.keySet()).containsExactlyElementsOf(expectedBlobs.keySet());
        for (Map.Entry<Digest, Path> blob : expectedBlobs.entrySet()) {
            assertThat(Files.readAllBytes(actualBlobs.get(blob.getKey()))).as("blob `%s`", blob.getKey())
                    .isEqualTo(Files.readAllBytes(blob.getValue()));
        }
    }
}
