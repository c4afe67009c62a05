package dev.berth.registry.blob;

import dev.berth.registry.content.Digest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The content-addressed bytes of one instance (registry.md section 6): each blob is stored once,
 * whatever the number of repositories that use it, and becomes visible only whole, after its digest
 * was checked against its bytes, and durably (on disk before {@link BlobUpload#commit} returns).
 * Which repository may see which blob is the metadata store's business, not this one's.
 */
public interface BlobStore {

    /** The size of a committed blob, if present. */
    Optional<Long> size(Digest digest) throws IOException;

    /** Opens a committed blob for reading. */
    Optional<BlobContent> open(Digest digest) throws IOException;

    /** Removes a committed blob; true when it was there. */
    boolean delete(Digest digest) throws IOException;

    /** Starts an upload session under a new id; its bytes are kept apart until committed. */
    BlobUpload startUpload(UploadId id) throws IOException;

    /** Finds an upload session, also one started before a restart. */
    Optional<BlobUpload> findUpload(UploadId id) throws IOException;

    /** The upload sessions whose last write is older than {@code cutoff} (for expiry). */
    List<UploadId> uploadsIdleSince(Instant cutoff) throws IOException;
}
