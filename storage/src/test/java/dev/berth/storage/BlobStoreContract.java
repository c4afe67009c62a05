package dev.berth.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.blob.BlobContent;
import dev.berth.registry.blob.BlobStore;
import dev.berth.registry.blob.BlobUpload;
import dev.berth.registry.blob.DigestMismatchException;
import dev.berth.registry.blob.UploadId;
import dev.berth.registry.blob.UploadTooLargeException;
import dev.berth.registry.content.Digest;
import dev.berth.registry.content.DigestAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link BlobStore} must do (registry.md section 6), run by each implementation against
 * storage of its own that is empty when a test starts. Every test removes what it stored, through
 * the port, and the suite fails when anything is left behind.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public abstract class BlobStoreContract {
    private static final int MIB = 1 << 20;

    private final Random random = new Random(20250611L);
    protected BlobStore store;

    /**
     * A new store object on this test's storage, which is empty when the test starts; calling it
     * again stands for a restart of the process.
     */
    protected abstract BlobStore openStore() throws IOException;

    /** Names of whatever the storage still holds (files, objects), for the check that nothing is left. */
    protected abstract List<String> remainingObjects() throws IOException;

    /** How far apart two writes must be for their last-write times to tell them apart. */
    protected Duration timestampResolution() {
        return Duration.ofMillis(50);
    }

    @BeforeEach
    final void openStoreForTest() throws IOException {
        store = openStore();
    }

    @AfterEach
    final void nothingIsLeftBehind() throws IOException {
        assertThat(remainingObjects()).as("data the test left behind").isEmpty();
    }

    @Test
    void committedBlobReadsBackByteForByte() throws IOException {
        byte[] bytes = randomBytes(300_000);
        Digest digest = commit(bytes);

        assertThat(readAll(digest)).isEqualTo(bytes);
        assertThat(store.delete(digest)).isTrue();
    }

    @Test
    void channelReadsAnyRangeOfTheBlob() throws IOException {
        byte[] bytes = randomBytes(100_000);
        Digest digest = commit(bytes);

        try (BlobContent content = store.open(digest).orElseThrow()) {
            assertThat(content.size()).isEqualTo(bytes.length);
            assertThat(content.channel().size()).isEqualTo(bytes.length);
            content.channel().position(70_000);
            assertThat(readFully(content, 1_000)).isEqualTo(Arrays.copyOfRange(bytes, 70_000, 71_000));
            content.channel().position(5);
            assertThat(readFully(content, 10)).isEqualTo(Arrays.copyOfRange(bytes, 5, 15));
            content.channel().position(bytes.length);
            assertThat(content.channel().read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
        assertThat(store.delete(digest)).isTrue();
    }

    @Test
    void sizeAndContentAreKnownOnlyForCommittedBlobs() throws IOException {
        byte[] bytes = randomBytes(1234);
        Digest absent = Digest.sha256Of(randomBytes(10));
        Digest digest = commit(bytes);

        assertThat(store.size(digest)).contains(1234L);
        assertThat(store.size(absent)).isEmpty();
        assertThat(store.open(absent)).isEmpty();
        assertThat(store.delete(digest)).isTrue();
    }

    @Test
    void blobIsInvisibleUntilCommitted() throws IOException {
        byte[] bytes = randomBytes(5000);
        Digest digest = Digest.sha256Of(bytes);
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(new ByteArrayInputStream(bytes), Optional.empty());

        assertThat(store.size(digest)).isEmpty();
        assertThat(store.open(digest)).isEmpty();

        upload.commit(digest, Optional.of(5000L));
        assertThat(store.size(digest)).contains(5000L);
        assertThat(store.delete(digest)).isTrue();
    }

    @Test
    void deleteRemovesTheBlobAndSaysWhetherItWasThere() throws IOException {
        Digest digest = commit(randomBytes(100));

        assertThat(store.delete(digest)).isTrue();
        assertThat(store.size(digest)).isEmpty();
        assertThat(store.open(digest)).isEmpty();
        assertThat(store.delete(digest)).isFalse();
    }

    @Test
    void digestMismatchEndsTheSessionAndStoresNothing() throws IOException {
        byte[] bytes = randomBytes(4096);
        Digest claimed = Digest.sha256Of(randomBytes(4096));
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(new ByteArrayInputStream(bytes), Optional.empty());

        assertThatThrownBy(() -> upload.commit(claimed, Optional.of(4096L)))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining(claimed.toString())
                .hasMessageContaining(Digest.sha256Of(bytes).toString());
        assertThat(store.size(claimed)).isEmpty();
        assertThat(store.size(Digest.sha256Of(bytes))).isEmpty();
        assertThat(store.findUpload(upload.id())).isEmpty();
    }

    @Test
    void sizeMismatchEndsTheSessionAndStoresNothing() throws IOException {
        byte[] bytes = randomBytes(4096);
        Digest digest = Digest.sha256Of(bytes);
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(new ByteArrayInputStream(bytes), Optional.empty());

        assertThatThrownBy(() -> upload.commit(digest, Optional.of(4097L)))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining("4096")
                .hasMessageContaining("4097");
        assertThat(store.size(digest)).isEmpty();
        assertThat(store.findUpload(upload.id())).isEmpty();
    }

    @Test
    void sha512DigestsAreCheckedAndStored() throws IOException {
        byte[] bytes = randomBytes(70_000);
        Digest digest = DigestAlgorithm.SHA512.digestOf(bytes);
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(new ByteArrayInputStream(bytes), Optional.empty());

        assertThat(upload.commit(digest, Optional.empty())).isEqualTo(digest);
        assertThat(readAll(digest)).isEqualTo(bytes);
        assertThat(store.size(Digest.sha256Of(bytes))).isEmpty();

        BlobUpload wrong = store.startUpload(UploadId.random());
        wrong.append(new ByteArrayInputStream(bytes, 1, bytes.length - 1), Optional.empty());
        assertThatThrownBy(() -> wrong.commit(digest, Optional.empty())).isInstanceOf(DigestMismatchException.class);
        assertThat(store.delete(digest)).isTrue();
    }

    @Test
    void emptyBlobCommitsWithoutAnyAppend() throws IOException {
        Digest empty = Digest.sha256Of(new byte[0]);
        BlobUpload upload = store.startUpload(UploadId.random());

        assertThat(upload.size()).isZero();
        assertThat(upload.commit(empty, Optional.of(0L))).isEqualTo(empty);
        assertThat(store.size(empty)).contains(0L);
        try (BlobContent content = store.open(empty).orElseThrow()) {
            assertThat(content.size()).isZero();
            assertThat(content.channel().read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
        assertThat(store.delete(empty)).isTrue();
    }

    @Test
    void appendsConcatenateInOrderAndReportTheNewSize() throws IOException {
        byte[] bytes = randomBytes(3 * MIB + 17);
        BlobUpload upload = store.startUpload(UploadId.random());

        assertThat(upload.append(new ByteArrayInputStream(bytes, 0, 10), Optional.empty())).isEqualTo(10);
        assertThat(upload.append(new ByteArrayInputStream(new byte[0]), Optional.empty())).isEqualTo(10);
        assertThat(upload.append(new ByteArrayInputStream(bytes, 10, 2 * MIB), Optional.empty())).isEqualTo(10 + 2 * MIB);
        assertThat(upload.append(new ByteArrayInputStream(bytes, 10 + 2 * MIB, MIB + 7), Optional.empty()))
                .isEqualTo(bytes.length);
        assertThat(upload.size()).isEqualTo(bytes.length);

        Digest digest = upload.commit(Digest.sha256Of(bytes), Optional.of((long) bytes.length));
        assertThat(readAll(digest)).isEqualTo(bytes);
        assertThat(store.delete(digest)).isTrue();
    }

    @Test
    void appendPastTheLimitKeepsWhatWasThere() throws IOException {
        byte[] first = randomBytes(1000);
        byte[] second = randomBytes(2 * MIB);
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(new ByteArrayInputStream(first), Optional.of(1000L));

        assertThatThrownBy(() -> upload.append(new ByteArrayInputStream(second), Optional.of(MIB + 1L)))
                .isInstanceOf(UploadTooLargeException.class)
                .hasMessageContaining(String.valueOf(MIB + 1));
        assertThat(upload.size()).isEqualTo(1000);
        assertThatThrownBy(() -> upload.append(new ByteArrayInputStream(second, 0, 11), Optional.of(10L)))
                .isInstanceOf(UploadTooLargeException.class);
        assertThat(upload.size()).isEqualTo(1000);

        upload.append(new ByteArrayInputStream(second, 0, 10), Optional.of(10L));
        byte[] kept = concat(first, Arrays.copyOf(second, 10));
        Digest digest = upload.commit(Digest.sha256Of(kept), Optional.of(1010L));
        assertThat(readAll(digest)).isEqualTo(kept);
        assertThat(store.delete(digest)).isTrue();
    }

    @Test
    void appendOfExactlyTheLimitOrLessIsAccepted() throws IOException {
        byte[] bytes = randomBytes(MIB);
        BlobUpload upload = store.startUpload(UploadId.random());

        assertThat(upload.append(new ByteArrayInputStream(bytes), Optional.of((long) MIB))).isEqualTo(MIB);
        assertThat(upload.append(new ByteArrayInputStream(new byte[0]), Optional.of(0L))).isEqualTo(MIB);
        assertThat(upload.append(new ByteArrayInputStream(bytes), Optional.of(Long.MAX_VALUE))).isEqualTo(2 * MIB);
        upload.cancel();
    }

    @Test
    void sessionSurvivesARestartAndItsHashIsRebuiltFromTheBytes() throws IOException {
        byte[] bytes = randomBytes(2 * MIB + 3);
        UploadId id = UploadId.random();
        store.startUpload(id).append(new ByteArrayInputStream(bytes, 0, MIB + 1), Optional.empty());

        BlobStore restarted = openStore();
        BlobUpload resumed = restarted.findUpload(id).orElseThrow();
        assertThat(resumed.id()).isEqualTo(id);
        assertThat(resumed.size()).isEqualTo(MIB + 1);
        assertThat(resumed.append(new ByteArrayInputStream(bytes, MIB + 1, MIB + 2), Optional.empty())).isEqualTo(bytes.length);

        Digest digest = resumed.commit(Digest.sha256Of(bytes), Optional.of((long) bytes.length));
        assertThat(readAll(restarted, digest)).isEqualTo(bytes);
        assertThat(restarted.findUpload(id)).isEmpty();
        assertThat(restarted.delete(digest)).isTrue();
    }

    @Test
    void commitRightAfterARestartChecksTheBytesReceivedBefore() throws IOException {
        byte[] bytes = randomBytes(MIB + 5);
        UploadId id = UploadId.random();
        BlobUpload upload = store.startUpload(id);
        upload.append(new ByteArrayInputStream(bytes, 0, 5), Optional.empty());
        upload.append(new ByteArrayInputStream(bytes, 5, MIB), Optional.empty());

        BlobStore restarted = openStore();
        Digest digest = restarted.findUpload(id).orElseThrow().commit(Digest.sha256Of(bytes), Optional.empty());
        assertThat(readAll(restarted, digest)).isEqualTo(bytes);
        assertThat(restarted.delete(digest)).isTrue();
    }

    @Test
    void findUploadOfAnUnknownIdIsEmpty() throws IOException {
        assertThat(store.findUpload(UploadId.random())).isEmpty();
    }

    @Test
    void findUploadReturnsTheSessionWithItsBytes() throws IOException {
        UploadId id = UploadId.random();
        store.startUpload(id).append(new ByteArrayInputStream(randomBytes(77)), Optional.empty());

        BlobUpload found = store.findUpload(id).orElseThrow();
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.size()).isEqualTo(77);
        found.cancel();
    }

    @Test
    void startingAnUploadUnderAnIdInUseIsRefused() throws IOException {
        UploadId id = UploadId.random();
        BlobUpload upload = store.startUpload(id);
        upload.append(new ByteArrayInputStream(randomBytes(10)), Optional.empty());

        assertThatThrownBy(() -> store.startUpload(id)).isInstanceOf(IOException.class);
        assertThat(store.findUpload(id).orElseThrow().size()).isEqualTo(10);
        upload.cancel();
    }

    @Test
    void idleListingNamesSessionsNotWrittenSinceTheCutoff() throws IOException, InterruptedException {
        Instant beforeAll = Instant.now().minus(Duration.ofMinutes(1));
        BlobUpload quiet = store.startUpload(UploadId.random());
        quiet.append(new ByteArrayInputStream(randomBytes(10)), Optional.empty());
        BlobUpload busy = store.startUpload(UploadId.random());
        pause();
        Instant cutoff = Instant.now();
        pause();
        busy.append(new ByteArrayInputStream(randomBytes(10)), Optional.empty());
        BlobUpload fresh = store.startUpload(UploadId.random());

        assertThat(store.uploadsIdleSince(cutoff)).containsExactly(quiet.id());
        assertThat(store.uploadsIdleSince(beforeAll)).isEmpty();
        assertThat(openStore().uploadsIdleSince(Instant.now().plus(Duration.ofMinutes(1))))
                .containsExactlyInAnyOrder(quiet.id(), busy.id(), fresh.id());
        for (BlobUpload upload : List.of(quiet, busy, fresh)) {
            upload.cancel();
        }
        assertThat(store.uploadsIdleSince(Instant.now().plus(Duration.ofMinutes(1)))).isEmpty();
    }

    @Test
    void lastActivityIsWhenBytesLastArrived() throws IOException, InterruptedException {
        Instant before = Instant.now().minus(timestampResolution());
        BlobUpload upload = store.startUpload(UploadId.random());
        Instant started = upload.lastActivity();
        assertThat(started).isAfterOrEqualTo(before);

        pause();
        upload.append(new ByteArrayInputStream(randomBytes(10)), Optional.empty());
        Instant written = upload.lastActivity();
        assertThat(written).isAfter(started);
        assertThat(openStore().findUpload(upload.id()).orElseThrow().lastActivity()).isEqualTo(written);
        upload.cancel();
    }

    @Test
    void cancelDiscardsTheSessionAndItsBytes() throws IOException {
        byte[] bytes = randomBytes(MIB);
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(new ByteArrayInputStream(bytes), Optional.empty());

        upload.cancel();
        assertThat(store.findUpload(upload.id())).isEmpty();
        assertThat(openStore().findUpload(upload.id())).isEmpty();
        assertThat(store.size(Digest.sha256Of(bytes))).isEmpty();
        assertThat(store.uploadsIdleSince(Instant.now().plus(Duration.ofMinutes(1)))).doesNotContain(upload.id());
    }

    @Test
    void endedSessionRefusesFurtherUse() throws IOException {
        byte[] bytes = randomBytes(100);
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(new ByteArrayInputStream(bytes), Optional.empty());
        Digest digest = upload.commit(Digest.sha256Of(bytes), Optional.empty());

        assertThatThrownBy(() -> upload.append(new ByteArrayInputStream(bytes), Optional.empty()))
                .hasMessageContaining(upload.id().toString());
        assertThatThrownBy(() -> upload.commit(digest, Optional.empty())).hasMessageContaining(upload.id().toString());
        assertThatThrownBy(upload::cancel).hasMessageContaining(upload.id().toString());
        assertThat(readAll(digest)).isEqualTo(bytes);
        assertThat(store.delete(digest)).isTrue();
    }

    @Test
    void committingABlobAlreadyPresentKeepsItAndEndsTheSession() throws IOException {
        byte[] bytes = randomBytes(10_000);
        Digest digest = commit(bytes);
        BlobUpload again = store.startUpload(UploadId.random());
        again.append(new ByteArrayInputStream(bytes), Optional.empty());

        assertThat(again.commit(digest, Optional.of(10_000L))).isEqualTo(digest);
        assertThat(store.findUpload(again.id())).isEmpty();
        assertThat(readAll(digest)).isEqualTo(bytes);
        assertThat(store.delete(digest)).isTrue();
        assertThat(store.size(digest)).isEmpty();
    }

    @Test
    void concurrentCommitsOfTheSameDigestLeaveOneIntactBlob() throws Exception {
        byte[] bytes = randomBytes(2 * MIB + 1);
        Digest digest = Digest.sha256Of(bytes);
        int writers = 8;
        for (int round = 0; round < 3; round++) {
            List<BlobUpload> uploads = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                BlobUpload upload = store.startUpload(UploadId.random());
                upload.append(new ByteArrayInputStream(bytes), Optional.empty());
                uploads.add(upload);
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Digest>> commits = uploads.stream().<Callable<Digest>>map(upload -> () -> {
                start.await();
                return upload.commit(digest, Optional.of((long) bytes.length));
            }).toList();
            try (ExecutorService executor = Executors.newFixedThreadPool(writers)) {
                List<Future<Digest>> results = commits.stream().map(executor::submit).toList();
                start.countDown();
                for (Future<Digest> result : results) {
                    assertThat(result.get(1, TimeUnit.MINUTES)).isEqualTo(digest);
                }
            }
            assertThat(readAll(digest)).isEqualTo(bytes);
            assertThat(store.uploadsIdleSince(Instant.now().plus(Duration.ofMinutes(1)))).isEmpty();
            assertThat(store.delete(digest)).isTrue();
        }
    }

    @Test
    void bigBlobIsStreamedInChunksAndReadsBackWithTheSameDigest() throws IOException {
        long size = 64L * MIB + 12_345;
        GeneratedBytes source = new GeneratedBytes(7, size);
        BlobUpload upload = store.startUpload(UploadId.random());
        long chunk = 16L * MIB;
        for (long sent = 0; sent < size; sent += chunk) {
            long expected = Math.min(size, sent + chunk);
            assertThat(upload.append(source.next(chunk), Optional.of(chunk))).isEqualTo(expected);
        }
        assertThat(upload.append(source, Optional.empty())).isEqualTo(size);

        Digest digest = upload.commit(source.digest(), Optional.of(size));
        MessageDigest readBack = DigestAlgorithm.SHA256.newHasher();
        try (BlobContent content = store.open(digest).orElseThrow()) {
            assertThat(content.size()).isEqualTo(size);
            ByteBuffer buffer = ByteBuffer.allocate(MIB);
            while (content.channel().read(buffer.clear()) >= 0) {
                readBack.update(buffer.flip());
            }
        }
        assertThat(DigestAlgorithm.SHA256.digestOf(readBack)).isEqualTo(digest);
        assertThat(store.delete(digest)).isTrue();
    }

    /** Commits {@code bytes} through a new upload session and returns their digest. */
    protected final Digest commit(byte[] bytes) throws IOException {
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(new ByteArrayInputStream(bytes), Optional.empty());
        return upload.commit(Digest.sha256Of(bytes), Optional.of((long) bytes.length));
    }

    protected final byte[] readAll(Digest digest) throws IOException {
        return readAll(store, digest);
    }

    protected final byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] readAll(BlobStore from, Digest digest) throws IOException {
        try (BlobContent content = from.open(digest).orElseThrow(() -> new AssertionError("no blob `" + digest + "`"))) {
            assertThat(content.size()).isEqualTo(from.size(digest).orElseThrow());
            byte[] bytes = readFully(content, Math.toIntExact(content.size()));
            assertThat(content.channel().read(ByteBuffer.allocate(1))).isEqualTo(-1);
            return bytes;
        }
    }

    private static byte[] readFully(BlobContent content, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (content.channel().read(buffer) < 0) {
                break;
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(first);
        both.writeBytes(second);
        return both.toByteArray();
    }

    private void pause() throws InterruptedException {
        Thread.sleep(timestampResolution().toMillis());
    }
}
