package dev.berth.registry.service;

import dev.berth.registry.blob.UploadId;
import java.util.Objects;

/** An open upload session and the number of bytes it holds (the edge answers {@code Range: 0-<size - 1>}). */
public record UploadStatus(UploadId id, long size) {
    public UploadStatus {
        Objects.requireNonNull(id, "id");
        if (size < 0) {
            throw new IllegalArgumentException("upload size " + size + " is negative");
        }
    }
}
