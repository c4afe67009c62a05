package dev.berth.storage.fs;

import dev.berth.registry.blob.BlobContent;
import dev.berth.registry.blob.BlobStore;
import dev.berth.registry.blob.BlobUpload;
import dev.berth.registry.blob.UploadId;
import dev.berth.registry.content.Digest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The blobs of one instance in a directory ({@link BlobLayout}). A blob is committed by syncing its
 * checked file, renaming it atomically into place and syncing the directory that received it, so
 * that after a crash a blob is either absent or whole; two commits of the same digest rename files
 * of the same bytes, and the last rename leaves one intact blob. One process owns the directory.
 */
public final class FileSystemBlobStore implements BlobStore {
    private final BlobLayout layout;
    private final ConcurrentMap<UploadId, FileSystemBlobUpload> live = new ConcurrentHashMap<>();

    public FileSystemBlobStore(Path directory) {
        this.layout = new BlobLayout(directory);
    }

    /** The directory that holds this store's files. */
    public Path directory() {
        return layout.directory();
    }

    @Override
    public Optional<Long> size(Digest digest) throws IOException {
        Objects.requireNonNull(digest, "digest");
        try {
            return Optional.of(Files.size(layout.blob(digest)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<BlobContent> open(Digest digest) throws IOException {
        Objects.requireNonNull(digest, "digest");
        FileChannel channel;
        try {
            channel = FileChannel.open(layout.blob(digest), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BlobContent(channel.size(), channel));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public boolean delete(Digest digest) throws IOException {
        Objects.requireNonNull(digest, "digest");
        Path blob = layout.blob(digest);
        if (!Files.deleteIfExists(blob)) {
            return false;
        }
        Durable.syncDirectory(blob.getParent());
        return true;
    }

    @Override
    public BlobUpload startUpload(UploadId id) throws IOException {
        Objects.requireNonNull(id, "id");
        Durable.createDirectories(layout.uploads());
        Files.createDirectory(layout.uploadDirectory(id));
        Files.createFile(layout.uploadData(id));
        Durable.syncDirectory(layout.uploadDirectory(id));
        Durable.syncDirectory(layout.uploads());
        FileSystemBlobUpload upload = new FileSystemBlobUpload(id, layout, this);
        live.put(id, upload);
        return upload;
    }

    @Override
    public Optional<BlobUpload> findUpload(UploadId id) {
        Objects.requireNonNull(id, "id");
        FileSystemBlobUpload found = live.compute(id, (key, known) -> {
            if (known != null && !known.isEnded()) {
                return known;
            }
            return Files.isRegularFile(layout.uploadData(key)) ? new FileSystemBlobUpload(key, layout, this) : null;
        });
        return Optional.ofNullable(found);
    }

    /**
     * Sessions whose file was last written before {@code cutoff}. A session directory without its
     * file (left by a crash while it was made or ended) is no session: it is removed once older
     * than {@code cutoff}.
     */
    @Override
    public List<UploadId> uploadsIdleSince(Instant cutoff) throws IOException {
        Objects.requireNonNull(cutoff, "cutoff");
        if (!Files.isDirectory(layout.uploads())) {
            return List.of();
        }
        List<UploadId> idle = new ArrayList<>();
        try (DirectoryStream<Path> sessions = Files.newDirectoryStream(layout.uploads())) {
            for (Path session : sessions) {
                String name = session.getFileName().toString();
                if (!UploadId.isWellFormed(name)) {
                    continue;
                }
                Optional<Instant> written = lastWrite(session.resolve(BlobLayout.DATA_FILE));
                if (written.isPresent()) {
                    if (written.get().isBefore(cutoff)) {
                        idle.add(new UploadId(name));
                    }
                } else if (lastWrite(session).filter(made -> made.isBefore(cutoff)).isPresent()) {
                    removeLeftover(session);
                }
            }
        }
        return idle;
    }

    /** Renames a checked upload file into place as {@code digest}, unless that blob is already there. */
    void place(Path data, Digest digest) throws IOException {
        Path blob = layout.blob(digest);
        if (Files.exists(blob)) {
            return;
        }
        Durable.syncFile(data);
        Durable.createDirectories(blob.getParent());
        Files.move(data, blob, StandardCopyOption.ATOMIC_MOVE);
        Durable.syncDirectory(blob.getParent());
    }

    void forget(FileSystemBlobUpload upload) {
        live.remove(upload.id(), upload);
    }

    private static Optional<Instant> lastWrite(Path file) throws IOException {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static void removeLeftover(Path session) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(session)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            return;
        }
        Files.deleteIfExists(session);
    }
}
