package dev.berth.benchmarks.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A small OCI image: one or two layers of 1 to 64 KiB of pseudo-random bytes, a config naming them,
 * and the image manifest. The same seed gives the same image.
 */
record SmallImage(List<BlobBody> layers, BlobBody config, byte[] manifest, String manifestDigest) {
    private static final String LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    private static final String CONFIG = "application/vnd.oci.image.config.v1+json";

    SmallImage {
        layers = List.copyOf(layers);
        manifest = manifest.clone();
    }

    static SmallImage make(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int count = 1 + random.nextInt(2);
        List<BlobBody> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            layers.add(BlobBody.of(PseudoRandomBytes.small(random.nextLong(), 1024 + random.nextInt(63 * 1024))));
        }
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"SEED=" + seed + "\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + layers.stream().map(layer -> "\"" + layer.digest() + "\"").collect(Collectors.joining(",")) + "]}}";
        BlobBody configBlob = BlobBody.of(config.getBytes(StandardCharsets.UTF_8));
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + RegistryClient.OCI_MANIFEST + "\","
                + "\"config\":" + descriptor(CONFIG, configBlob) + ","
                + "\"layers\":[" + layers.stream().map(layer -> descriptor(LAYER, layer)).collect(Collectors.joining(",")) + "]}";
        byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
        return new SmallImage(layers, configBlob, bytes, Sha256.of(bytes));
    }

    @Override
    public byte[] manifest() {
        return manifest.clone();
    }

    /** Pushes the layers and the config (each unless present), then the manifest under {@code tag}. */
    void push(RegistryClient client, String repository, String tag) throws IOException, InterruptedException {
        for (BlobBody layer : layers) {
            client.pushIfMissing(repository, layer);
        }
        client.pushIfMissing(repository, config);
        client.putManifest(repository, tag, manifest);
    }

    private static String descriptor(String mediaType, BlobBody blob) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + blob.digest() + "\",\"size\":" + blob.size() + "}";
    }
}
