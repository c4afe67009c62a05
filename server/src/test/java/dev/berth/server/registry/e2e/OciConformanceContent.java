package dev.berth.server.registry.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.registry.content.Digest;
import dev.berth.server.registry.e2e.TestImages.Descriptor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The content the distribution-spec conformance suite pushes (its {@code setup.go}), made the same way:
 * a config blob and an image manifest for each use (the suite's {@code configs[i]} and
 * {@code manifests[i]}: 0 and 1 for pull, 1 for push, 2 for content discovery, 3 for content management,
 * 4 as the subject of the referrers), one gzip layer that all of them share, a manifest without layers,
 * two 42-byte blobs (one streamed, one pushed in two chunks), and the referrers of manifest 4.
 *
 * <p>Every config descriptor carries the config itself in {@code data} and a field no spec defines,
 * {@code newUnspecifiedField}, as the suite's do: a registry must store and serve them untouched. The
 * documents are written indented with tabs, so that keeping them byte for byte is checked too.
 */
final class OciConformanceContent {
    static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String EMPTY_JSON = "application/vnd.oci.empty.v1+json";
    /** The filter of the referrers steps: two referrers have it, one as {@code artifactType}, one as config media type. */
    static final String ARTIFACT_TYPE_A = "application/vnd.dev.berth.conformance.peanut-butter";
    static final String ARTIFACT_TYPE_B = "application/vnd.dev.berth.conformance.strawberry-jam";
    static final String ARTIFACT_TYPE_INDEX = "application/vnd.dev.berth.conformance.food-stand";
    static final String ANNOTATION = "org.opencontainers.conformance.test";
    /** A digest nothing in the registry has. */
    static final Digest DUMMY_DIGEST = Digest.sha256Of("hello world".getBytes(StandardCharsets.UTF_8));
    /** The suite's reference that is no manifest; it is not even a well-formed tag. */
    static final String NONEXISTENT_MANIFEST = ".INVALID_MANIFEST_NAME";
    static final String TEST_TAG = "tagtest0";
    static final String EMPTY_LAYER_TAG = "emptylayer";

    final List<byte[]> configs = new ArrayList<>();
    final byte[] layer;
    final List<byte[]> manifests = new ArrayList<>();
    final byte[] emptyLayerManifest;
    final byte[] blobA;
    final byte[] blobB;
    final byte[] blobBChunk1;
    final byte[] blobBChunk2;
    final byte[] emptyJson = "{}".getBytes(StandardCharsets.UTF_8);
    final byte[] referenceBlobA = "peanut butter on a bagel".getBytes(StandardCharsets.UTF_8);
    final byte[] referenceBlobB = "strawberry jam on a croissant".getBytes(StandardCharsets.UTF_8);
    final byte[] referrerAConfig;
    final byte[] referrerALayer;
    final byte[] referrerBConfig;
    final byte[] referrerBLayer;
    /** A referrer of manifest 3, which is not pushed before the content-discovery workflow reads its referrers. */
    final byte[] referrerCLayer;
    /** An index whose subject is manifest 4, listing the two referrers of type A. */
    final byte[] referrerIndex;
    /** The {@link #ANNOTATION} value of each referrer of manifest 4, by digest. */
    final Map<Digest, String> annotations = new HashMap<>();

    OciConformanceContent(Random random) {
        for (int i = 0; i < 5; i++) {
            configs.add(TestImages.config("conformance " + i + " " + Long.toHexString(random.nextLong())));
        }
        layer = TestImages.randomBytes(random, 120);
        for (byte[] config : configs) {
            manifests.add(TestImages.indented(imageManifest(config, List.of(Descriptor.of(LAYER_GZIP, layer)))));
        }
        ObjectNode noLayers = imageManifest(configs.get(1), List.of());
        noLayers.remove("mediaType");
        emptyLayerManifest = TestImages.indented(noLayers);
        blobA = TestImages.randomBytes(random, 42);
        blobB = TestImages.randomBytes(random, 42);
        blobBChunk1 = Arrays.copyOfRange(blobB, 0, 42 / 2 + 1);
        blobBChunk2 = Arrays.copyOfRange(blobB, 42 / 2 + 1, 42);

        Descriptor subject = Descriptor.of(TestImages.IMAGE_MANIFEST, manifests.get(4));
        Descriptor emptyConfig = Descriptor.of(EMPTY_JSON, emptyJson);
        referrerAConfig = referrer(Descriptor.of(ARTIFACT_TYPE_A, referenceBlobA), List.of(emptyConfig), subject, Optional.empty(),
                Optional.of("test config a"));
        referrerBConfig = referrer(Descriptor.of(ARTIFACT_TYPE_B, referenceBlobB), List.of(emptyConfig), subject, Optional.empty(),
                Optional.of("test config b"));
        referrerALayer = referrer(emptyConfig, List.of(Descriptor.of(ARTIFACT_TYPE_A, referenceBlobA)), subject,
                Optional.of(ARTIFACT_TYPE_A), Optional.of("test layer a"));
        referrerBLayer = referrer(emptyConfig, List.of(Descriptor.of(ARTIFACT_TYPE_B, referenceBlobB)), subject,
                Optional.of(ARTIFACT_TYPE_B), Optional.of("test layer b"));
        referrerCLayer = referrer(emptyConfig, List.of(Descriptor.of(ARTIFACT_TYPE_B, referenceBlobB)),
                Descriptor.of(TestImages.IMAGE_MANIFEST, manifests.get(3)), Optional.of(ARTIFACT_TYPE_B), Optional.empty());
        ObjectNode index = TestImages.indexNode(List.of(Descriptor.of(TestImages.IMAGE_MANIFEST, referrerAConfig),
                Descriptor.of(TestImages.IMAGE_MANIFEST, referrerALayer)));
        index.put("artifactType", ARTIFACT_TYPE_INDEX);
        index.set("subject", subject.toJson());
        index.putObject("annotations").put(ANNOTATION, "test index");
        referrerIndex = TestImages.indented(index);
        annotations.put(Digest.sha256Of(referrerIndex), "test index");
    }

    /** An image manifest whose config descriptor holds the config in {@code data} and an unknown field; so do its layers. */
    private static ObjectNode imageManifest(byte[] config, List<Descriptor> layers) {
        ObjectNode manifest = TestImages.imageManifestNode(Descriptor.of(TestImages.IMAGE_CONFIG, config), layers, Optional.empty(),
                Optional.empty());
        ((ObjectNode) manifest.get("config")).put("data", Base64.getEncoder().encodeToString(config))
                .put("newUnspecifiedField", Base64.getEncoder().encodeToString("hello world".getBytes(StandardCharsets.UTF_8)));
        manifest.get("layers").forEach(node -> ((ObjectNode) node).putNull("newUnspecifiedField"));
        return manifest;
    }

    private byte[] referrer(Descriptor config, List<Descriptor> layers, Descriptor subject, Optional<String> artifactType,
                            Optional<String> annotation) {
        ObjectNode manifest = TestImages.imageManifestNode(config, layers, Optional.of(subject), artifactType);
        annotation.ifPresent(value -> manifest.putObject("annotations").put(ANNOTATION, value));
        byte[] bytes = TestImages.indented(manifest);
        annotation.ifPresent(value -> annotations.put(Digest.sha256Of(bytes), value));
        return bytes;
    }
}
