package dev.berth.registry.manifest;

import java.util.Arrays;
import java.util.Optional;

/**
 * The manifest formats the registry stores (registry.md section 6): Docker image manifest v2 schema 2
 * and manifest list, OCI image manifest and index. Artifacts are OCI image manifests (or indexes)
 * with an {@code artifactType} or a config media type of their own.
 */
public enum ManifestKind {
    DOCKER_MANIFEST("application/vnd.docker.distribution.manifest.v2+json", false),
    DOCKER_MANIFEST_LIST("application/vnd.docker.distribution.manifest.list.v2+json", true),
    OCI_MANIFEST("application/vnd.oci.image.manifest.v1+json", false),
    OCI_INDEX("application/vnd.oci.image.index.v1+json", true);

    private final MediaType mediaType;
    private final boolean index;

    ManifestKind(String mediaType, boolean index) {
        this.mediaType = new MediaType(mediaType);
        this.index = index;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** Whether documents of this kind list child manifests ({@code manifests}) rather than blobs. */
    public boolean isIndex() {
        return index;
    }

    public static Optional<ManifestKind> of(MediaType mediaType) {
        return Arrays.stream(values()).filter(kind -> kind.mediaType.sameAs(mediaType)).findFirst();
    }
}
