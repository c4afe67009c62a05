package dev.berth.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.blob.BlobStore;
import dev.berth.registry.blob.BlobUpload;
import dev.berth.registry.blob.UploadId;
import dev.berth.registry.content.Digest;
import dev.berth.registry.instance.InstanceId;
import dev.berth.storage.BlobStoreContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest extends BlobStoreContract {
    private static final InstanceId INSTANCE = new InstanceId("cri-0123456789abcdef");

    @TempDir
    Path root;

    @Override
    protected BlobStore openStore() {
        return new FileSystemBlobStores(root).of(INSTANCE);
    }

    @Override
    protected List<String> remainingObjects() throws IOException {
        return files(root);
    }

    @Test
    void uploadBytesStayOutsideTheBlobTreeUntilCommitted() throws IOException {
        byte[] bytes = randomBytes(1000);
        Digest digest = Digest.sha256Of(bytes);
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(new ByteArrayInputStream(bytes), Optional.empty());

        assertThat(files(root)).containsExactly(INSTANCE + "/uploads/" + upload.id() + "/data");
        assertThat(Files.readAllBytes(root.resolve(files(root).getFirst()))).isEqualTo(bytes);

        upload.commit(digest, Optional.empty());
        assertThat(files(root)).containsExactly(INSTANCE + "/blobs/sha256/" + digest.hex().substring(0, 2) + "/" + digest.hex());
        assertThat(root.resolve(INSTANCE + "/uploads/" + upload.id())).doesNotExist();
        assertThat(store.delete(digest)).isTrue();
    }

    @Test
    void strayFilesInTheBlobTreeAreNotBlobs() throws IOException {
        byte[] bytes = randomBytes(500);
        Digest digest = Digest.sha256Of(bytes);
        Path shard = root.resolve(INSTANCE + "/blobs/sha256/" + digest.hex().substring(0, 2));
        Files.createDirectories(shard);
        List<Path> strays = List.of(shard.resolve(digest.hex() + ".tmp"), shard.resolve("." + digest.hex()),
                shard.getParent().resolve(digest.hex()));
        for (Path stray : strays) {
            Files.write(stray, bytes);
        }

        assertThat(store.size(digest)).isEmpty();
        assertThat(store.open(digest)).isEmpty();
        assertThat(store.delete(digest)).isFalse();
        for (Path stray : strays) {
            Files.delete(stray);
        }
    }

    @Test
    void sessionFolderWithoutItsFileIsNoSessionAndIsRemovedOnceStale() throws IOException {
        Instant now = Instant.now();
        Path uploads = root.resolve(INSTANCE + "/uploads");
        UploadId stale = UploadId.random();
        UploadId recent = UploadId.random();
        Files.createDirectories(uploads.resolve(stale.value()));
        Files.createDirectories(uploads.resolve(recent.value()));
        Files.setLastModifiedTime(uploads.resolve(stale.value()), FileTime.from(now.minus(Duration.ofHours(2))));
        Files.writeString(uploads.resolve("notes.txt"), "not a session");

        assertThat(store.findUpload(stale)).isEmpty();
        assertThat(store.uploadsIdleSince(now.minus(Duration.ofHours(1)))).isEmpty();
        assertThat(uploads.resolve(stale.value())).doesNotExist();
        assertThat(uploads.resolve(recent.value())).isDirectory();
        assertThat(uploads.resolve("notes.txt")).exists();
        Files.delete(uploads.resolve("notes.txt"));
    }

    @Test
    void failedSourceLeavesTheSessionAsItWas() throws IOException {
        byte[] bytes = randomBytes(3 << 20);
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(new ByteArrayInputStream(bytes, 0, 100), Optional.empty());

        InputStream broken = new FailingAfter(new ByteArrayInputStream(bytes, 100, bytes.length - 100), (3 << 19));
        assertThatThrownBy(() -> upload.append(broken, Optional.empty())).hasMessage("connection reset");
        assertThat(upload.size()).isEqualTo(100);

        upload.append(new ByteArrayInputStream(bytes, 100, bytes.length - 100), Optional.empty());
        Digest digest = upload.commit(Digest.sha256Of(bytes), Optional.of((long) bytes.length));
        assertThat(readAll(digest)).isEqualTo(bytes);
        assertThat(store.delete(digest)).isTrue();
    }

    @Test
    void commitTrustsTheRunningHashWhileTheProcessLivesAndRereadsTheFileAfterARestart() throws IOException {
        byte[] bytes = randomBytes(2 << 20);
        Digest digest = Digest.sha256Of(bytes);
        BlobUpload live = store.startUpload(UploadId.random());
        live.append(new ByteArrayInputStream(bytes), Optional.empty());
        BlobUpload restarted = store.startUpload(UploadId.random());
        restarted.append(new ByteArrayInputStream(bytes), Optional.empty());
        byte[] altered = bytes.clone();
        altered[12345] ^= 1;
        Files.write(root.resolve(INSTANCE + "/uploads/" + live.id() + "/data"), altered);
        Files.write(root.resolve(INSTANCE + "/uploads/" + restarted.id() + "/data"), altered);

        assertThat(live.commit(digest, Optional.empty())).isEqualTo(digest);
        BlobUpload found = openStore().findUpload(restarted.id()).orElseThrow();
        assertThatThrownBy(() -> found.commit(digest, Optional.empty()))
                .hasMessageContaining(Digest.sha256Of(altered).toString());
        assertThat(store.delete(digest)).isTrue();
    }

    @Test
    void eachInstanceHasOneStoreInItsOwnFolder() throws IOException {
        FileSystemBlobStores stores = new FileSystemBlobStores(root);
        InstanceId other = new InstanceId("crpi-abcdefghij012345");
        BlobStore first = stores.of(INSTANCE);
        assertThat(stores.of(INSTANCE)).isSameAs(first);
        assertThat(((FileSystemBlobStore) stores.of(other)).directory()).isEqualTo(root.toAbsolutePath().resolve(other.value()));

        byte[] bytes = randomBytes(10);
        BlobUpload upload = first.startUpload(UploadId.random());
        upload.append(new ByteArrayInputStream(bytes), Optional.empty());
        Digest digest = upload.commit(Digest.sha256Of(bytes), Optional.empty());

        assertThat(stores.of(other).size(digest)).isEmpty();
        assertThat(stores.of(other).findUpload(upload.id())).isEmpty();
        assertThat(first.size(digest)).contains(10L);
        assertThat(first.delete(digest)).isTrue();
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).sorted().toList();
        }
    }

    /** Gives {@code allowed} bytes of its source, then fails as a dropped connection would. */
    private static final class FailingAfter extends InputStream {
        private final InputStream source;
        private long allowed;

        FailingAfter(InputStream source, long allowed) {
            this.source = source;
            this.allowed = allowed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (allowed == 0) {
                throw new IOException("connection reset");
            }
            int read = source.read(buffer, offset, (int) Math.min(length, allowed));
            allowed -= Math.max(read, 0);
            return read;
        }
    }
}
