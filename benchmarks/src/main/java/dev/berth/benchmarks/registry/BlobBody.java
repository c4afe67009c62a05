package dev.berth.benchmarks.registry;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A blob to push: its digest ({@code sha256:<hex>}), its size, and a way to read its bytes from the
 * start, as many times as needed.
 */
record BlobBody(String digest, long size, Supplier<InputStream> content) {
    BlobBody {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(content, "content");
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("digest `" + digest + "` is not sha256:<64 hex digits>");
        }
        if (size < 0) {
            throw new IllegalArgumentException("blob size must not be negative, got " + size);
        }
    }

    /** A small blob held in memory. */
    static BlobBody of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new BlobBody(Sha256.of(copy), copy.length, () -> new ByteArrayInputStream(copy));
    }
}
