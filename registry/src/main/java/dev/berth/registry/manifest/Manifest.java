package dev.berth.registry.manifest;

import dev.berth.registry.content.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A manifest as read from its bytes (OCI image-spec, image manifest and image index; Docker v2 schema 2).
 * An image manifest has a {@code config} and {@code layers} and no {@code manifests}; an index has
 * {@code manifests} and neither of the others. {@code subject} names the manifest this one refers to.
 */
public record Manifest(int schemaVersion, ManifestKind kind, Optional<MediaType> artifactType, Optional<Descriptor> config,
                       List<Descriptor> layers, List<Descriptor> manifests, Optional<Descriptor> subject,
                       Map<String, String> annotations) {
    /** The largest manifest the registry accepts (registry.md section 6): 4 MiB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    public Manifest {
        if (schemaVersion != 2) {
            throw new IllegalArgumentException("schemaVersion " + schemaVersion + " is not 2");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(artifactType, "artifactType");
        Objects.requireNonNull(config, "config");
        layers = List.copyOf(layers);
        manifests = List.copyOf(manifests);
        Objects.requireNonNull(subject, "subject");
        annotations = Map.copyOf(annotations);
        if (kind.isIndex() && (config.isPresent() || !layers.isEmpty())) {
            throw new IllegalArgumentException("an index has no config and no layers");
        }
        if (!kind.isIndex() && (config.isEmpty() || !manifests.isEmpty())) {
            throw new IllegalArgumentException("an image manifest has a config and no manifests");
        }
    }

    /**
     * The blobs the repository must hold for this manifest to be accepted: the config and the layers,
     * except foreign layers that name {@code urls} to be fetched from (distribution does the same).
     */
    public List<Digest> requiredBlobs() {
        List<Digest> blobs = new ArrayList<>();
        config.ifPresent(descriptor -> blobs.add(descriptor.digest()));
        layers.stream().filter(layer -> layer.urls().isEmpty()).forEach(layer -> blobs.add(layer.digest()));
        return blobs.stream().distinct().toList();
    }

    /** The child manifests of an index, which the repository must hold. */
    public List<Digest> children() {
        return manifests.stream().map(Descriptor::digest).distinct().toList();
    }

    /**
     * The artifact type the referrers API reports and filters on (OCI distribution-spec, listing
     * referrers): {@code artifactType}, else the config's media type for an image manifest.
     */
    public Optional<MediaType> referrerArtifactType() {
        if (artifactType.isPresent()) {
            return artifactType;
        }
        return config.map(Descriptor::mediaType);
    }
}
