package dev.berth.registry.manifest;

import dev.berth.registry.content.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Manifest JSON text for tests, written by hand so that tests see exactly the bytes pushed. */
public final class ManifestJson {
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

    private ManifestJson() {
    }

    public static String descriptor(String mediaType, Digest digest, long size) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size + "}";
    }

    /** An image manifest of {@code mediaType} with that config and those layers, and extra top-level fields. */
    public static String image(String mediaType, String config, List<String> layers, String... extraFields) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"config\":" + config
                + ",\"layers\":[" + String.join(",", layers) + "]");
        for (String field : extraFields) {
            json.append(',').append(field);
        }
        return json.append('}').toString();
    }

    /** An index of {@code mediaType} listing those manifest descriptors, and extra top-level fields. */
    public static String index(String mediaType, List<String> manifests, String... extraFields) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"manifests\":["
                + String.join(",", manifests) + "]");
        for (String field : extraFields) {
            json.append(',').append(field);
        }
        return json.append('}').toString();
    }

    public static String annotations(String... keysAndValues) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.append(i == 0 ? "" : ",").append('"').append(keysAndValues[i]).append("\":\"").append(keysAndValues[i + 1]).append('"');
        }
        return "\"annotations\":{" + fields + "}";
    }

    public static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
