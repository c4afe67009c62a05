package dev.berth.storage.fs;

import dev.berth.registry.blob.UploadId;
import dev.berth.registry.content.Digest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the files of one instance live. A committed blob is
 * {@code blobs/<algorithm>/<first two hex digits>/<hex>} and is only ever made by an atomic rename of
 * a whole, checked, synced file; an upload in progress is {@code uploads/<id>/data}, outside
 * {@code blobs}, so that no crash can expose its bytes as a blob.
 */
record BlobLayout(Path directory) {
    static final String DATA_FILE = "data";

    BlobLayout {
        Objects.requireNonNull(directory, "directory");
        directory = directory.toAbsolutePath().normalize();
    }

    Path blobs() {
        return directory.resolve("blobs");
    }

    Path blob(Digest digest) {
        return blobs().resolve(digest.algorithm().label()).resolve(digest.hex().substring(0, 2)).resolve(digest.hex());
    }

    Path uploads() {
        return directory.resolve("uploads");
    }

    Path uploadDirectory(UploadId id) {
        return uploads().resolve(id.value());
    }

    Path uploadData(UploadId id) {
        return uploadDirectory(id).resolve(DATA_FILE);
    }
}
