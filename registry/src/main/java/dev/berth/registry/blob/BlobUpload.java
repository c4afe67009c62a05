package dev.berth.registry.blob;

import dev.berth.registry.content.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * One upload session's bytes (OCI distribution-spec, pushing blobs). Appended bytes are in the store
 * when {@link #append} returns, so an acknowledged chunk survives the death of the server and the
 * session survives a restart. They need not be forced to the disk yet: after a loss of power a session
 * may hold fewer bytes than were acknowledged, which its {@link #size} then says (the client resumes
 * from there), and {@link #commit} checks every byte against the digest anyway. A committed blob is
 * on the disk.
 */
public interface BlobUpload {

    UploadId id();

    /** The number of bytes received so far. */
    long size() throws IOException;

    /** When bytes last arrived (or the session started). */
    Instant lastActivity() throws IOException;

    /**
     * Appends at most {@code limit} bytes of {@code source} (all of it when empty) at the end and
     * returns the new size; throws {@link UploadTooLargeException} past the limit, keeping what was there.
     */
    long append(InputStream source, Optional<Long> limit) throws IOException;

    /**
     * Checks the bytes against {@code expected} (and {@code expectedSize} when present), then makes the
     * blob visible atomically and durably and ends the session. On a mismatch the session ends too and
     * nothing becomes visible: {@link DigestMismatchException}. A blob already present is kept as it is.
     */
    Digest commit(Digest expected, Optional<Long> expectedSize) throws IOException;

    /** Ends the session and discards its bytes. */
    void cancel() throws IOException;
}
