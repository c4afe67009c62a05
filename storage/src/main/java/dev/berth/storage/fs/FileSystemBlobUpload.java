package dev.berth.storage.fs;

import dev.berth.registry.blob.BlobUpload;
import dev.berth.registry.blob.DigestMismatchException;
import dev.berth.registry.blob.UploadId;
import dev.berth.registry.blob.UploadTooLargeException;
import dev.berth.registry.content.Digest;
import dev.berth.registry.content.DigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One live upload session of a {@link FileSystemBlobStore}; the store hands out a single object per
 * session, so that the running sha256 of the bytes received stays in memory between requests and
 * commit does not read the file again. After a restart the hash is rebuilt from the file the first
 * time it is needed. The file is the truth: the hash covers its first {@code hashedBytes} bytes and
 * catches up with whatever follows. Operations on one session are serialized.
 */
final class FileSystemBlobUpload implements BlobUpload {
    private final UploadId id;
    private final Path directory;
    private final Path data;
    private final FileSystemBlobStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private MessageDigest sha256 = DigestAlgorithm.SHA256.newHasher();
    private long hashedBytes;
    private volatile boolean ended;

    FileSystemBlobUpload(UploadId id, BlobLayout layout, FileSystemBlobStore store) {
        this.id = Objects.requireNonNull(id, "id");
        this.directory = layout.uploadDirectory(id);
        this.data = layout.uploadData(id);
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public UploadId id() {
        return id;
    }

    /** True once committed or cancelled, or when its file is gone. */
    boolean isEnded() {
        return ended || !Files.isRegularFile(data);
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return Files.size(data);
    }

    @Override
    public Instant lastActivity() throws IOException {
        ensureOpen();
        return Files.getLastModifiedTime(data).toInstant();
    }

    @Override
    public long append(InputStream source, Optional<Long> limit) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(limit, "limit");
        if (limit.isPresent() && limit.get() < 0) {
            throw new IllegalArgumentException("limit `" + limit.get() + "` is negative");
        }
        lock.lock();
        try (FileChannel channel = openData(StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long start = channel.size();
            catchUp(channel, start);
            MessageDigest checkpoint = cloneOf(sha256);
            try {
                long end = start + copy(source, limit, channel, start);
                hashedBytes = end;
                return end;
            } catch (IOException | RuntimeException | Error e) {
                rollBack(channel, start, checkpoint, e);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Digest commit(Digest expected, Optional<Long> expectedSize) throws IOException {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(expectedSize, "expectedSize");
        lock.lock();
        try {
            ensureOpen();
            long size = Files.size(data);
            if (expectedSize.isPresent() && expectedSize.get() != size) {
                end();
                throw new DigestMismatchException(expected, size + " bytes were received, " + expectedSize.get() + " declared");
            }
            Digest actual = digest(expected.algorithm());
            if (!actual.equals(expected)) {
                end();
                throw new DigestMismatchException(expected, "their digest is `" + actual + "`");
            }
            store.place(data, expected);
            end();
            return expected;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void cancel() throws IOException {
        lock.lock();
        try {
            ensureOpen();
            end();
        } finally {
            lock.unlock();
        }
    }

    private long copy(InputStream source, Optional<Long> limit, FileChannel channel, long start) throws IOException {
        byte[] buffer = new byte[readSize(limit, 0, FileHashing.BUFFER_SIZE)];
        long written = 0;
        while (true) {
            int read = source.readNBytes(buffer, 0, readSize(limit, written, buffer.length));
            if (read == 0) {
                return written;
            }
            if (limit.isPresent() && written + read > limit.get()) {
                throw new UploadTooLargeException(limit.get());
            }
            sha256.update(buffer, 0, read);
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
            while (bytes.hasRemaining()) {
                channel.write(bytes, start + written + bytes.position());
            }
            written += read;
        }
    }

    /** How much to read next: up to one byte past the limit, so that a body over it is noticed. */
    private static int readSize(Optional<Long> limit, long written, int bufferSize) {
        if (limit.isEmpty() || limit.get() - written >= bufferSize) {
            return bufferSize;
        }
        return (int) (limit.get() - written) + 1;
    }

    /** Puts the file and the hash back as they were before a failed append. */
    private void rollBack(FileChannel channel, long start, MessageDigest checkpoint, Throwable failure) {
        sha256 = checkpoint;
        hashedBytes = start;
        try {
            channel.truncate(start);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Makes the running hash cover the first {@code size} bytes of the file. */
    private void catchUp(FileChannel channel, long size) throws IOException {
        if (hashedBytes > size) {
            sha256 = DigestAlgorithm.SHA256.newHasher();
            hashedBytes = 0;
        }
        FileHashing.update(sha256, channel, hashedBytes, size);
        hashedBytes = size;
    }

    /** The digest of the whole file: from the running hash for sha256, by reading the file otherwise. */
    private Digest digest(DigestAlgorithm algorithm) throws IOException {
        try (FileChannel channel = openData(StandardOpenOption.READ)) {
            long size = channel.size();
            return switch (algorithm) {
                case SHA256 -> {
                    catchUp(channel, size);
                    yield algorithm.digestOf(cloneOf(sha256));
                }
                case SHA512 -> {
                    MessageDigest hasher = algorithm.newHasher();
                    FileHashing.update(hasher, channel, 0, size);
                    yield algorithm.digestOf(hasher);
                }
            };
        }
    }

    private FileChannel openData(StandardOpenOption... options) throws IOException {
        ensureOpen();
        try {
            return FileChannel.open(data, options);
        } catch (NoSuchFileException e) {
            ended = true;
            throw endedException();
        }
    }

    /** Removes the session's files; a removal lost in a crash leaves a session that later expires. */
    private void end() throws IOException {
        ended = true;
        Files.deleteIfExists(data);
        Files.deleteIfExists(directory);
        store.forget(this);
    }

    private void ensureOpen() {
        if (isEnded()) {
            throw endedException();
        }
    }

    private IllegalStateException endedException() {
        return new IllegalStateException("upload `" + id + "` has ended");
    }

    private static MessageDigest cloneOf(MessageDigest hasher) {
        try {
            return (MessageDigest) hasher.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's " + hasher.getAlgorithm() + " cannot be cloned", e);
        }
    }
}
