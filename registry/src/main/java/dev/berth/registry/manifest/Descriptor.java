package dev.berth.registry.manifest;

import dev.berth.registry.content.Digest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A content descriptor (OCI image-spec, descriptor): what a manifest says about a blob or child
 * manifest it references. {@code platform} is for index entries; {@code urls} names where a foreign
 * layer may be fetched instead of from the registry.
 */
public record Descriptor(MediaType mediaType, Digest digest, long size, Optional<MediaType> artifactType,
                         Map<String, String> annotations, Optional<Platform> platform, List<String> urls) {
    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("descriptor size " + size + " is negative");
        }
        Objects.requireNonNull(artifactType, "artifactType");
        annotations = Map.copyOf(annotations);
        Objects.requireNonNull(platform, "platform");
        urls = List.copyOf(urls);
    }

    /** A descriptor with only the required fields. */
    public static Descriptor of(MediaType mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, Optional.empty(), Map.of(), Optional.empty(), List.of());
    }
}
