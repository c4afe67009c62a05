package dev.berth.registry.manifest;

import dev.berth.registry.content.Digest;
import dev.berth.registry.name.Tag;
import java.time.Instant;
import java.util.Objects;

/** A tag of a repository and the manifest it points at. */
public record TagEntry(Tag tag, Digest digest, Instant updatedAt) {
    public TagEntry {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
