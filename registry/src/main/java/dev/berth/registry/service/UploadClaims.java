package dev.berth.registry.service;

import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.blob.UploadId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upload sessions a request is working on. One request at a time per session: a second one
 * meanwhile (a chunk racing another, a cancel during a chunk) is refused rather than queued, so that
 * "a chunk starts where the upload ends" is checked and acted on as one step.
 */
final class UploadClaims {
    private final Set<UploadId> busy = ConcurrentHashMap.newKeySet();

    /** Claims the session for the caller, who must {@link #release} it; {@code BLOB_UPLOAD_INVALID} when taken. */
    void claim(UploadId id) {
        if (!busy.add(id)) {
            throw new RegistryException(Problem.BLOB_UPLOAD_INVALID, "upload `" + id + "` is busy with another request");
        }
    }

    boolean tryClaim(UploadId id) {
        return busy.add(id);
    }

    void release(UploadId id) {
        busy.remove(id);
    }
}
