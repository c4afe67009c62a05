package dev.berth.registry.service;

import java.util.Objects;

/** What a {@code POST} with {@code mount} did: linked the blob (201) or started an upload session instead (202). */
public sealed interface MountResult {

    record Mounted(BlobInfo blob) implements MountResult {
        public Mounted {
            Objects.requireNonNull(blob, "blob");
        }
    }

    record Started(UploadStatus upload) implements MountResult {
        public Started {
            Objects.requireNonNull(upload, "upload");
        }
    }
}
