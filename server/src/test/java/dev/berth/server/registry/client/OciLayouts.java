package dev.berth.server.registry.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.registry.content.Digest;
import dev.berth.registry.content.DigestAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds, offline, OCI image layouts (image-spec v1.1, image-layout.md) for end-to-end tests: an image
 * index of a linux/amd64 and a linux/arm64 image, each a config and {@value #LAYERS_PER_IMAGE} gzip'd
 * tar layers of random contents, and a referrer artifact whose {@code subject} is the index.
 * {@code index.json} names the index {@value #INDEX_TAG} and the referrer {@value #REFERRER_TAG}.
 */
public final class OciLayouts {
    public static final String INDEX_TAG = "v1";
    public static final String REFERRER_TAG = "referrer";
    public static final int LAYERS_PER_IMAGE = 3;
    public static final String IMAGE_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String IMAGE_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String IMAGE_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String LAYER_TAR_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String EMPTY = "application/vnd.oci.empty.v1+json";
    public static final String REFERRER_ARTIFACT_TYPE = "application/vnd.dev.berth.test.sbom.v1+json";
    private static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final String CREATED = "2025-01-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OciLayouts() {
    }

    /** What an OCI descriptor points at. */
    public record Descriptor(String mediaType, Digest digest, long size) {
        public Descriptor {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(digest, "digest");
        }

        ObjectNode toJson() {
            ObjectNode node = JSON.createObjectNode();
            node.put("mediaType", mediaType);
            node.put("digest", digest.toString());
            node.put("size", size);
            return node;
        }
    }

    /** One image of the index: its platform (always {@code linux}), manifest, config and layers. */
    public record Image(String architecture, Optional<String> variant, Descriptor manifest, Descriptor config,
            List<Descriptor> layers) {
    }

    /** A layout that was built, and what is in it. */
    public record Layout(Path directory, Descriptor index, List<Image> images, Descriptor referrer) {
        /** {@code oci:<directory>:<tag>}, as skopeo names an image of a layout. */
        public String reference(String tag) {
            return "oci:" + directory + ":" + tag;
        }
    }

    /** Builds a layout in {@code directory} (made if missing, else empty); the same seed gives the same bytes. */
    public static Layout build(Path directory, long seed) throws IOException {
        Files.createDirectories(directory);
        try (Stream<Path> existing = Files.list(directory)) {
            if (existing.findAny().isPresent()) {
                throw new IllegalArgumentException("folder `" + directory + "` is not empty");
            }
        }
        Writer writer = new Writer(directory, new Random(seed));
        List<Image> images = List.of(writer.image("amd64", Optional.empty()), writer.image("arm64", Optional.of("v8")));
        Descriptor index = writer.index(images);
        Descriptor referrer = writer.referrer(index);

        ObjectNode top = JSON.createObjectNode();
        top.put("schemaVersion", 2);
        top.put("mediaType", IMAGE_INDEX);
        ArrayNode manifests = top.putArray("manifests");
        manifests.add(named(index.toJson(), INDEX_TAG));
        manifests.add(named(referrer.toJson().put("artifactType", REFERRER_ARTIFACT_TYPE), REFERRER_TAG));
        Files.write(directory.resolve("index.json"), JSON.writeValueAsBytes(top));
        Files.writeString(directory.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        return new Layout(directory, index, images, referrer);
    }

    /** The blobs of a layout, by digest (manifests, configs and layers alike). */
    public static SortedMap<Digest, Path> blobs(Path layout) throws IOException {
        SortedMap<Digest, Path> blobs = new TreeMap<>();
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            Path folder = layout.resolve("blobs").resolve(algorithm.label());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.forEach(file -> blobs.put(new Digest(algorithm, file.getFileName().toString()), file));
            }
        }
        return blobs;
    }

    private static ObjectNode named(ObjectNode descriptor, String tag) {
        descriptor.putObject("annotations").put(REF_NAME, tag);
        return descriptor;
    }

    /** Writes blobs into one layout. */
    private record Writer(Path directory, Random random) {
        Image image(String architecture, Optional<String> variant) throws IOException {
            List<Descriptor> layers = new ArrayList<>();
            ArrayNode diffIds = JSON.createArrayNode();
            ArrayNode history = JSON.createArrayNode();
            for (int i = 0; i < LAYERS_PER_IMAGE; i++) {
                byte[] tar = randomTar(architecture + "/layer-" + i);
                diffIds.add(Digest.sha256Of(tar).toString());
                history.addObject().put("created", CREATED).put("created_by", "berth test: " + architecture + " layer " + i);
                layers.add(blob(LAYER_TAR_GZIP, gzip(tar)));
            }
            ObjectNode config = JSON.createObjectNode();
            config.put("created", CREATED);
            config.put("architecture", architecture);
            variant.ifPresent(name -> config.put("variant", name));
            config.put("os", "linux");
            ObjectNode runtime = config.putObject("config");
            runtime.putArray("Env").add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            runtime.putArray("Cmd").add("/bin/sh");
            runtime.putObject("Labels").put("dev.berth.test.nonce", Long.toHexString(random.nextLong()));
            ObjectNode rootfs = config.putObject("rootfs");
            rootfs.put("type", "layers");
            rootfs.set("diff_ids", diffIds);
            config.set("history", history);
            Descriptor configBlob = blob(IMAGE_CONFIG, JSON.writeValueAsBytes(config));

            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", IMAGE_MANIFEST);
            manifest.set("config", configBlob.toJson());
            ArrayNode layerArray = manifest.putArray("layers");
            layers.forEach(layer -> layerArray.add(layer.toJson()));
            Descriptor manifestBlob = blob(IMAGE_MANIFEST, JSON.writeValueAsBytes(manifest));
            return new Image(architecture, variant, manifestBlob, configBlob, List.copyOf(layers));
        }

        Descriptor index(List<Image> images) throws IOException {
            ObjectNode index = JSON.createObjectNode();
            index.put("schemaVersion", 2);
            index.put("mediaType", IMAGE_INDEX);
            ArrayNode manifests = index.putArray("manifests");
            for (Image image : images) {
                ObjectNode entry = image.manifest().toJson();
                ObjectNode platform = entry.putObject("platform");
                platform.put("architecture", image.architecture());
                platform.put("os", "linux");
                image.variant().ifPresent(name -> platform.put("variant", name));
                manifests.add(entry);
            }
            return blob(IMAGE_INDEX, JSON.writeValueAsBytes(index));
        }

        /** An artifact manifest (image-spec 1.1: {@code artifactType}, the empty config, {@code subject}). */
        Descriptor referrer(Descriptor subject) throws IOException {
            Descriptor empty = blob(EMPTY, "{}".getBytes(StandardCharsets.US_ASCII));
            ObjectNode sbom = JSON.createObjectNode();
            sbom.put("subject", subject.digest().toString());
            sbom.put("nonce", Long.toHexString(random.nextLong()));
            Descriptor layer = blob(REFERRER_ARTIFACT_TYPE, JSON.writeValueAsBytes(sbom));

            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", IMAGE_MANIFEST);
            manifest.put("artifactType", REFERRER_ARTIFACT_TYPE);
            manifest.set("config", empty.toJson().put("data", "e30="));
            manifest.putArray("layers").add(layer.toJson());
            manifest.set("subject", subject.toJson());
            manifest.putObject("annotations").put("org.opencontainers.image.created", CREATED);
            return blob(IMAGE_MANIFEST, JSON.writeValueAsBytes(manifest));
        }

        Descriptor blob(String mediaType, byte[] bytes) throws IOException {
            Digest digest = Digest.sha256Of(bytes);
            Path folder = directory.resolve("blobs").resolve(digest.algorithm().label());
            Files.createDirectories(folder);
            Files.write(folder.resolve(digest.hex()), bytes);
            return new Descriptor(mediaType, digest, bytes.length);
        }

        private byte[] randomTar(String folder) {
            TarWriter tar = new TarWriter();
            tar.directory(folder + "/");
            int files = 2 + random.nextInt(3);
            for (int i = 0; i < files; i++) {
                byte[] content = new byte[1024 + random.nextInt(16 * 1024)];
                random.nextBytes(content);
                tar.file(folder + "/file-" + i + ".bin", content);
            }
            return tar.finish();
        }

        private static byte[] gzip(byte[] bytes) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                gzip.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return compressed.toByteArray();
        }
    }
}
