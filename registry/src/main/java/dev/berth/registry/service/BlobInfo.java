package dev.berth.registry.service;

import dev.berth.registry.content.Digest;
import java.util.Objects;

/** A blob as a repository sees it. */
public record BlobInfo(Digest digest, long size) {
    public BlobInfo {
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("blob size " + size + " is negative");
        }
    }
}
