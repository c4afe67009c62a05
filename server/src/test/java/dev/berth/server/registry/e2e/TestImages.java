package dev.berth.server.registry.e2e;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.registry.content.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Small OCI documents for tests that push by hand: descriptors, image manifests and indexes (image-spec v1.1). */
final class TestImages {
    static final String IMAGE_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String IMAGE_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String IMAGE_CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String LAYER = "application/vnd.oci.image.layer.v1.tar";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestImages() {
    }

    /** What a descriptor points at. */
    record Descriptor(String mediaType, Digest digest, long size) {
        static Descriptor of(String mediaType, byte[] bytes) {
            return new Descriptor(mediaType, Digest.sha256Of(bytes), bytes.length);
        }

        ObjectNode toJson() {
            ObjectNode node = JSON.createObjectNode();
            node.put("mediaType", mediaType);
            node.put("digest", digest.toString());
            node.put("size", size);
            return node;
        }
    }

    static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A config blob that differs with {@code label}. */
    static byte[] config(String label) {
        return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"test\":\"" + label + "\"}},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] imageManifest(Descriptor config, List<Descriptor> layers, Optional<Descriptor> subject, Optional<String> artifactType) {
        return bytes(imageManifestNode(config, layers, subject, artifactType));
    }

    /** The image manifest as a JSON tree, for a test that adds fields before writing it. */
    static ObjectNode imageManifestNode(Descriptor config, List<Descriptor> layers, Optional<Descriptor> subject,
                                        Optional<String> artifactType) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", IMAGE_MANIFEST);
        artifactType.ifPresent(type -> root.put("artifactType", type));
        root.set("config", config.toJson());
        ArrayNode array = root.putArray("layers");
        layers.forEach(layer -> array.add(layer.toJson()));
        subject.ifPresent(value -> root.set("subject", value.toJson()));
        return root;
    }

    static byte[] imageManifest(Descriptor config, List<Descriptor> layers) {
        return imageManifest(config, layers, Optional.empty(), Optional.empty());
    }

    /**
     * Pushes {@code config}, then each of {@code layers}, then their image manifest at {@code tag}; fails
     * the test unless each push is a 201. Answers the manifest's bytes.
     */
    static byte[] pushImage(RobustHttp client, String repository, String tag, byte[] config, List<byte[]> layers) {
        client.pushBlob(repository, config);
        for (byte[] layer : layers) {
            client.pushBlob(repository, layer);
        }
        byte[] manifest = imageManifest(Descriptor.of(IMAGE_CONFIG, config), layers.stream().map(layer -> Descriptor.of(LAYER, layer))
                .toList());
        client.pushManifest(repository, tag, IMAGE_MANIFEST, manifest);
        return manifest;
    }

    static byte[] index(List<Descriptor> manifests) {
        return bytes(indexNode(manifests));
    }

    /** The image index as a JSON tree, for a test that adds fields before writing it. */
    static ObjectNode indexNode(List<Descriptor> manifests) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", IMAGE_INDEX);
        ArrayNode array = root.putArray("manifests");
        manifests.forEach(manifest -> array.add(manifest.toJson()));
        return root;
    }

    static byte[] bytes(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written over several lines, indented with tabs (as Go's {@code json.MarshalIndent} writes), not compact. */
    static byte[] indented(ObjectNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("\t", "\n"))
                .withArrayIndenter(new DefaultIndenter("\t", "\n"));
        try {
            return JSON.writer(printer).writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
