package dev.berth.registry.manifest;

import dev.berth.registry.content.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A manifest as the store keeps it: its bytes exactly as pushed, and what was read from them when it
 * was accepted (the blobs and child manifests it references, its {@code subject} and artifact type).
 */
public record StoredManifest(Digest digest, String mediaType, byte[] bytes, Optional<String> artifactType, Optional<Digest> subject,
                             List<Digest> blobs, List<Digest> children, Instant pushedAt) {
    public StoredManifest {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(artifactType, "artifactType");
        Objects.requireNonNull(subject, "subject");
        blobs = List.copyOf(blobs);
        children = List.copyOf(children);
        Objects.requireNonNull(pushedAt, "pushedAt");
    }

    public long size() {
        return bytes.length;
    }
}
