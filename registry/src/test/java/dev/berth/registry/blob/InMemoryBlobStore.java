package dev.berth.registry.blob;

import dev.berth.registry.content.Digest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fake {@link BlobStore} holding bytes in memory, with the port's semantics: a blob is visible only
 * after a commit whose digest and size matched; a commit or a cancel ends the session; a blob already
 * present is kept. Tests may inspect it and make the next commit fail.
 */
public final class InMemoryBlobStore implements BlobStore {
    private final Clock clock;
    private final Map<Digest, byte[]> blobs = new HashMap<>();
    private final Map<UploadId, InMemoryBlobUpload> uploads = new HashMap<>();
    private IOException nextCommitFailure;

    InMemoryBlobStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<Long> size(Digest digest) {
        return Optional.ofNullable(blobs.get(digest)).map(bytes -> (long) bytes.length);
    }

    @Override
    public synchronized Optional<BlobContent> open(Digest digest) {
        return Optional.ofNullable(blobs.get(digest)).map(bytes -> new BlobContent(bytes.length, new ReadOnlyByteChannel(bytes)));
    }

    @Override
    public synchronized boolean delete(Digest digest) {
        return blobs.remove(digest) != null;
    }

    @Override
    public synchronized BlobUpload startUpload(UploadId id) throws IOException {
        if (uploads.containsKey(id)) {
            throw new IOException("upload `" + id + "` exists");
        }
        InMemoryBlobUpload upload = new InMemoryBlobUpload(id, this, clock);
        uploads.put(id, upload);
        return upload;
    }

    @Override
    public synchronized Optional<BlobUpload> findUpload(UploadId id) {
        return Optional.ofNullable(uploads.get(id));
    }

    @Override
    public synchronized List<UploadId> uploadsIdleSince(Instant cutoff) throws IOException {
        List<UploadId> idle = new ArrayList<>();
        for (InMemoryBlobUpload upload : uploads.values()) {
            if (upload.lastActivity().isBefore(cutoff)) {
                idle.add(upload.id());
            }
        }
        return idle;
    }

    /** The committed bytes of a blob, for tests. */
    public synchronized Optional<byte[]> bytesOf(Digest digest) {
        return Optional.ofNullable(blobs.get(digest)).map(byte[]::clone);
    }

    public synchronized int blobCount() {
        return blobs.size();
    }

    public synchronized int uploadCount() {
        return uploads.size();
    }

    /** Puts a committed blob straight in, for tests. */
    public synchronized void put(Digest digest, byte[] bytes) {
        blobs.put(digest, bytes.clone());
    }

    /** Makes the next commit throw {@code failure} before anything becomes visible (the session stays open). */
    public synchronized void failNextCommit(IOException failure) {
        nextCommitFailure = failure;
    }

    synchronized void commit(InMemoryBlobUpload upload, Digest digest, byte[] bytes) throws IOException {
        if (nextCommitFailure != null) {
            IOException failure = nextCommitFailure;
            nextCommitFailure = null;
            throw failure;
        }
        uploads.remove(upload.id());
        blobs.putIfAbsent(digest, bytes);
    }

    synchronized void end(InMemoryBlobUpload upload) {
        uploads.remove(upload.id());
    }

    synchronized boolean isOpen(InMemoryBlobUpload upload) {
        return uploads.get(upload.id()) == upload;
    }
}
