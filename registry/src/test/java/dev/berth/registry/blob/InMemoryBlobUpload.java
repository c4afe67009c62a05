package dev.berth.registry.blob;

import dev.berth.registry.content.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** One session of {@link InMemoryBlobStore}. */
final class InMemoryBlobUpload implements BlobUpload {
    private final UploadId id;
    private final InMemoryBlobStore store;
    private final Clock clock;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile Instant lastActivity;

    InMemoryBlobUpload(UploadId id, InMemoryBlobStore store, Clock clock) {
        this.id = id;
        this.store = store;
        this.clock = clock;
        this.lastActivity = clock.instant();
    }

    @Override
    public UploadId id() {
        return id;
    }

    @Override
    public synchronized long size() throws IOException {
        requireOpen();
        return bytes.size();
    }

    @Override
    public Instant lastActivity() {
        return lastActivity;
    }

    @Override
    public synchronized long append(InputStream source, Optional<Long> limit) throws IOException {
        requireOpen();
        byte[] read = limit.isPresent() ? source.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.get() + 1)) : source.readAllBytes();
        if (limit.isPresent() && read.length > limit.get()) {
            throw new UploadTooLargeException(limit.get());
        }
        bytes.write(read);
        lastActivity = clock.instant();
        return bytes.size();
    }

    @Override
    public synchronized Digest commit(Digest expected, Optional<Long> expectedSize) throws IOException {
        requireOpen();
        byte[] content = bytes.toByteArray();
        Digest actual = expected.algorithm().digestOf(content);
        if (!actual.equals(expected) || expectedSize.isPresent() && expectedSize.get() != content.length) {
            store.end(this);
            throw new DigestMismatchException(expected, actual + ", " + content.length + " bytes");
        }
        store.commit(this, actual, content);
        return actual;
    }

    @Override
    public synchronized void cancel() {
        store.end(this);
    }

    private void requireOpen() throws IOException {
        if (!store.isOpen(this)) {
            throw new IOException("upload `" + id + "` has ended");
        }
    }
}
