package dev.berth.registry.service;

import static dev.berth.registry.service.RegistryFixture.assertRefused;
import static dev.berth.registry.service.RegistryFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.blob.BlobContent;
import dev.berth.registry.blob.BlobStore;
import dev.berth.registry.blob.BlobUpload;
import dev.berth.registry.blob.InMemoryBlobStores;
import dev.berth.registry.blob.UploadId;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.content.Digest;
import dev.berth.registry.name.ImageName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class UploadServiceTest {
    private final RegistryFixture fixture = new RegistryFixture();
    private final UploadService uploads = fixture.registry.uploads();
    private final RepositoryAddress app = fixture.address("team/app");

    private static InputStream body(String text) {
        return new ByteArrayInputStream(bytes(text));
    }

    private static Optional<ChunkRange> range(long first, long last) {
        return Optional.of(new ChunkRange(first, last));
    }

    private BlobInfo stat(RepositoryAddress address, Digest digest) {
        return fixture.registry.blobs().stat(address, digest);
    }

    @Test
    void aMonolithicUploadStoresAndLinksTheBlob() throws IOException {
        Digest digest = Digest.sha256Of(bytes("hello"));

        BlobInfo blob = uploads.uploadWhole(app, digest, body("hello"), Optional.of(5L));

        assertThat(blob).isEqualTo(new BlobInfo(digest, 5));
        assertThat(stat(app, digest)).isEqualTo(blob);
        assertThat(fixture.blobStore().bytesOf(digest)).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(bytes("hello")));
        assertThat(fixture.uploadRows()).isZero();
        assertThat(fixture.blobStore().uploadCount()).isZero();
    }

    @Test
    void aMonolithicUploadWithTheWrongDigestStoresNothing() {
        Digest other = Digest.sha256Of(bytes("other"));

        assertRefused(() -> uploads.uploadWhole(app, other, body("hello"), Optional.of(5L)), Problem.DIGEST_INVALID,
                "do not match `" + other + "`");
        assertThat(fixture.blobStore().blobCount()).isZero();
        assertThat(fixture.uploadRows()).isZero();
        assertThat(fixture.blobStore().uploadCount()).isZero();
    }

    @Test
    void aMonolithicUploadShorterThanDeclaredIsDigestInvalidAndLongerIsSizeInvalid() {
        Digest digest = Digest.sha256Of(bytes("hello"));

        assertRefused(() -> uploads.uploadWhole(app, digest, body("hello"), Optional.of(6L)), Problem.DIGEST_INVALID, "5 bytes");
        assertRefused(() -> uploads.uploadWhole(app, digest, body("hello"), Optional.of(4L)), Problem.SIZE_INVALID,
                "longer than its declared 4 bytes");
        assertThat(fixture.blobStore().blobCount()).isZero();
        assertThat(fixture.uploadRows()).isZero();
        assertThat(fixture.blobStore().uploadCount()).isZero();
    }

    @Test
    void chunksInOrderMakeTheBlob() throws IOException {
        UploadStatus started = uploads.start(app);

        UploadStatus first = uploads.append(app, started.id(), range(0, 4), body("hello"));
        UploadStatus second = uploads.append(app, started.id(), range(5, 10), body(" world"));
        BlobInfo blob = uploads.finish(app, started.id(), Digest.sha256Of(bytes("hello world")), Optional.empty(), body(""));

        assertThat(started.size()).isZero();
        assertThat(first.size()).isEqualTo(5);
        assertThat(second.size()).isEqualTo(11);
        assertThat(blob.size()).isEqualTo(11);
        assertThat(stat(app, blob.digest())).isEqualTo(blob);
    }

    @Test
    void aStreamedPatchWithoutRangeAppendsAndTheFinalPutMayCarryTheLastChunk() throws IOException {
        UploadId id = uploads.start(app).id();

        uploads.append(app, id, Optional.empty(), body("abc"));
        uploads.append(app, id, Optional.empty(), body("def"));
        BlobInfo blob = uploads.finish(app, id, Digest.sha256Of(bytes("abcdefgh")), range(6, 7), body("gh"));

        assertThat(blob.size()).isEqualTo(8);
        assertThat(fixture.blobStore().bytesOf(blob.digest())).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(bytes("abcdefgh")));
    }

    @Test
    void aChunkThatLeavesAGapOverlapsOrComesOutOfOrderIsRangeInvalidAndChangesNothing() throws IOException {
        UploadId id = uploads.start(app).id();
        uploads.append(app, id, range(0, 4), body("hello"));

        assertRefused(() -> uploads.append(app, id, range(6, 8), body("abc")), Problem.RANGE_INVALID, "ends, at byte 5");
        assertRefused(() -> uploads.append(app, id, range(3, 5), body("abc")), Problem.RANGE_INVALID, "does not start where");
        assertRefused(() -> uploads.append(app, id, range(0, 4), body("hello")), Problem.RANGE_INVALID, "does not start where");
        assertThat(uploads.status(app, id).size()).isEqualTo(5);
    }

    @Test
    void aChunkLongerThanItsRangeIsRefusedAndAShorterOneIsReported() throws IOException {
        UploadId id = uploads.start(app).id();

        assertRefused(() -> uploads.append(app, id, range(0, 1), body("abc")), Problem.RANGE_INVALID, "longer than its range `0-1`");
        assertThat(uploads.status(app, id).size()).isZero();
        assertRefused(() -> uploads.append(app, id, range(0, 9), body("abc")), Problem.RANGE_INVALID,
                "chunk of 3 bytes does not fill its range `0-9`");
        assertThat(uploads.status(app, id).size()).isEqualTo(3);
    }

    @Test
    void finishingWithTheWrongDigestStoresNothingAndEndsTheSession() throws IOException {
        UploadId id = uploads.start(app).id();
        uploads.append(app, id, Optional.empty(), body("hello"));
        Digest wrong = Digest.sha256Of(bytes("other"));

        assertRefused(() -> uploads.finish(app, id, wrong, Optional.empty(), body("")), Problem.DIGEST_INVALID, "`" + wrong + "`");
        assertThat(fixture.blobStore().blobCount()).isZero();
        assertRefused(() -> uploads.status(app, id), Problem.BLOB_UPLOAD_UNKNOWN, "upload `" + id + "`");
        assertThat(fixture.uploadRows()).isZero();
    }

    @Test
    void aPatchAfterTheUploadClosedIsBlobUploadUnknown() throws IOException {
        UploadId id = uploads.start(app).id();
        uploads.finish(app, id, Digest.sha256Of(bytes("x")), Optional.empty(), body("x"));

        assertRefused(() -> uploads.append(app, id, Optional.empty(), body("more")), Problem.BLOB_UPLOAD_UNKNOWN,
                "is not open in repository `team/app`");
        assertRefused(() -> uploads.finish(app, id, Digest.sha256Of(bytes("x")), Optional.empty(), body("")),
                Problem.BLOB_UPLOAD_UNKNOWN, "is not open");
    }

    @Test
    void anUploadIdUsedInAnotherRepositoryIsBlobUploadUnknown() throws IOException {
        UploadId id = uploads.start(app).id();
        RepositoryAddress other = fixture.address("team/other");
        uploads.start(other);

        assertRefused(() -> uploads.append(other, id, Optional.empty(), body("x")), Problem.BLOB_UPLOAD_UNKNOWN, "team/other");
        assertRefused(() -> uploads.status(other, id), Problem.BLOB_UPLOAD_UNKNOWN, "team/other");
        assertRefused(() -> uploads.cancel(other, id), Problem.BLOB_UPLOAD_UNKNOWN, "team/other");
        assertThat(uploads.status(app, id).size()).isZero();
    }

    @Test
    void anUploadToARepositoryThatDoesNotExistIsNameUnknown() {
        assertRefused(() -> uploads.status(fixture.address("team/none"), UploadId.random()), Problem.NAME_UNKNOWN,
                "repository `team/none` does not exist");
    }

    @Test
    void cancellingEndsTheSessionAndDiscardsItsBytes() throws IOException {
        UploadId id = uploads.start(app).id();
        uploads.append(app, id, Optional.empty(), body("hello"));

        uploads.cancel(app, id);

        assertThat(fixture.blobStore().uploadCount()).isZero();
        assertThat(fixture.uploadRows()).isZero();
        assertRefused(() -> uploads.cancel(app, id), Problem.BLOB_UPLOAD_UNKNOWN, "is not open");
    }

    @Test
    void startingAnUploadCreatesTheRepositoryOfAnAutoCreatingNamespace() throws IOException {
        uploads.start(fixture.address("team/fresh"));

        assertThat(fixture.registry.repository(fixture.address("team/fresh"))).isPresent();
    }

    @Test
    void aRepositoryHoldsAtMostTheLimitOfOpenSessions() throws IOException {
        for (int i = 0; i < UploadService.MAX_OPEN_UPLOADS_PER_REPOSITORY; i++) {
            uploads.start(app);
        }

        assertRefused(() -> uploads.start(app), Problem.TOO_MANY_UPLOADS, "has 1000 open uploads");
        assertRefused(() -> uploads.mount(app, Digest.sha256Of(bytes("x")), Optional.empty(), true), Problem.TOO_MANY_UPLOADS, "open uploads");
        assertThat(fixture.uploadRows()).isEqualTo(UploadService.MAX_OPEN_UPLOADS_PER_REPOSITORY);
        uploads.start(fixture.address("team/other"));
    }

    @Test
    void idleSessionsExpireAfterADayAndActiveOnesStay() throws IOException {
        UploadId idle = uploads.start(app).id();
        UploadId active = uploads.start(app).id();
        fixture.clock.advance(Duration.ofHours(23));
        uploads.append(app, active, Optional.empty(), body("still here"));
        fixture.clock.advance(Duration.ofHours(1).plusSeconds(1));

        UploadService.Expiry expiry = uploads.expireIdle();

        assertThat(expiry).isEqualTo(new UploadService.Expiry(1, 0));
        assertRefused(() -> uploads.status(app, idle), Problem.BLOB_UPLOAD_UNKNOWN, "is not open");
        assertThat(uploads.status(app, active).size()).isEqualTo(10);
        assertThat(fixture.blobStore().uploadCount()).isEqualTo(1);
        assertThat(fixture.uploadRows()).isEqualTo(1);
    }

    @Test
    void anIdleSessionIsUnknownEvenBeforeExpiryRuns() throws IOException {
        UploadId id = uploads.start(app).id();
        fixture.clock.advance(Duration.ofHours(25));

        assertRefused(() -> uploads.append(app, id, Optional.empty(), body("late")), Problem.BLOB_UPLOAD_UNKNOWN, "is not open");
        assertThat(fixture.blobStore().uploadCount()).isZero();
        assertThat(fixture.uploadRows()).isZero();
    }

    @Test
    void aSessionWhoseBytesAreGoneIsUnknownAndExpiryRemovesItsRow() throws IOException {
        UploadId id = uploads.start(app).id();
        fixture.blobStore().findUpload(id).orElseThrow().cancel();
        fixture.clock.advance(Duration.ofHours(25));

        assertThat(uploads.expireIdle().expired()).isEqualTo(1);
        assertThat(fixture.uploadRows()).isZero();
    }

    @Test
    void aSecondRequestOnABusySessionIsRefused() throws Exception {
        UploadId id = uploads.start(app).id();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream slow = new InputStream() {
            private boolean sent;

            @Override
            public int read() throws IOException {
                reading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                if (sent) {
                    return -1;
                }
                sent = true;
                return 'x';
            }
        };
        Thread first = Thread.ofVirtual().start(() -> {
            try {
                uploads.append(app, id, Optional.empty(), slow);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reading.await();

        assertRefused(() -> uploads.append(app, id, Optional.empty(), body("y")), Problem.BLOB_UPLOAD_INVALID, "is busy");
        assertRefused(() -> uploads.cancel(app, id), Problem.BLOB_UPLOAD_INVALID, "is busy");
        release.countDown();
        first.join();
        assertThat(uploads.status(app, id).size()).isEqualTo(1);
    }

    @Test
    void aFailedStartOfTheBytesLeavesNoSessionRow() {
        RegistryFixture failing = new RegistryFixture();
        Registry registry = new Registry(failing.store, instance -> new FailingStartBlobStore(), failing.clock, failing.random);

        assertThatThrownBy(() -> registry.uploads().start(failing.address("team/app")))
                .isInstanceOf(IOException.class);
        assertThat(failing.uploadRows()).isZero();
    }

    @Test
    void aMountLinksABlobOfTheSourceRepositoryWithoutCopyingIt() throws IOException {
        RepositoryAddress source = fixture.address("team/source");
        Digest digest = fixture.pushBlob(source, "shared");

        MountResult result = uploads.mount(app, digest, Optional.of(ImageName.parse("team/source")), true);

        assertThat(result).isEqualTo(new MountResult.Mounted(new BlobInfo(digest, 6)));
        assertThat(stat(app, digest).size()).isEqualTo(6);
        assertThat(fixture.blobStore().blobCount()).isEqualTo(1);
        assertThat(fixture.uploadRows()).isZero();
    }

    @Test
    void aMountTheCallerMayNotPullFromStartsAPlainUpload() throws IOException {
        RepositoryAddress source = fixture.address("team/source");
        Digest digest = fixture.pushBlob(source, "shared");

        MountResult result = uploads.mount(app, digest, Optional.of(ImageName.parse("team/source")), false);

        assertThat(result).isInstanceOf(MountResult.Started.class);
        assertRefused(() -> stat(app, digest), Problem.BLOB_UNKNOWN, "is not in repository `team/app`");
        assertThat(fixture.uploadRows()).isEqualTo(1);
    }

    @Test
    void aMountFromARepositoryWithoutTheBlobOrThatDoesNotExistStartsAPlainUpload() throws IOException {
        fixture.pushBlob(fixture.address("team/source"), "something else");
        Digest digest = Digest.sha256Of(bytes("shared"));
        fixture.blobStore().put(digest, bytes("shared"));

        MountResult fromSource = uploads.mount(app, digest, Optional.of(ImageName.parse("team/source")), true);
        MountResult fromNowhere = uploads.mount(app, digest, Optional.of(ImageName.parse("team/nowhere")), true);

        assertThat(fromSource).isInstanceOf(MountResult.Started.class);
        assertThat(fromNowhere).isInstanceOf(MountResult.Started.class);
        assertRefused(() -> stat(app, digest), Problem.BLOB_UNKNOWN, "is not in repository");
    }

    @Test
    void aCommitThatFailsWithAnIoErrorKeepsTheSessionForARetry() throws IOException {
        UploadId id = uploads.start(app).id();
        uploads.append(app, id, Optional.empty(), body("retry"));
        fixture.blobStore().failNextCommit(new IOException("disk hiccup"));
        Digest digest = Digest.sha256Of(bytes("retry"));

        assertThatThrownBy(() -> uploads.finish(app, id, digest, Optional.empty(), body(""))).hasMessage("disk hiccup");
        assertRefused(() -> stat(app, digest), Problem.BLOB_UNKNOWN, "is not in repository");

        assertThat(uploads.finish(app, id, digest, Optional.empty(), body("")).size()).isEqualTo(5);
    }

    @Test
    void aBlobWhoseBytesVanishAfterTheCommitIsNotLinked() throws IOException {
        Registry registry = new Registry(fixture.store, instance -> new ForgetfulBlobStore(fixture.blobStore()), fixture.clock,
                fixture.random);
        UploadId id = registry.uploads().start(app).id();
        Digest digest = Digest.sha256Of(bytes("gone"));

        assertRefused(() -> registry.uploads().finish(app, id, digest, Optional.empty(), body("gone")), Problem.BLOB_UPLOAD_INVALID,
                "push it again");
        assertRefused(() -> stat(app, digest), Problem.BLOB_UNKNOWN, "is not in repository");
        assertThat(fixture.uploadRows()).isZero();
    }

    /** A blob store whose uploads cannot start. */
    private static final class FailingStartBlobStore extends ForgetfulBlobStore {
        FailingStartBlobStore() {
            super(new InMemoryBlobStores(Clock.systemUTC()).of(InstanceId.random(new SecureRandom(), false)));
        }

        @Override
        public BlobUpload startUpload(UploadId id) throws IOException {
            throw new IOException("disk full");
        }
    }

    /** A blob store that loses every committed blob as soon as it is committed. */
    private static class ForgetfulBlobStore implements BlobStore {
        private final BlobStore delegate;

        ForgetfulBlobStore(BlobStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Long> size(Digest digest) {
            return Optional.empty();
        }

        @Override
        public Optional<BlobContent> open(Digest digest) {
            return Optional.empty();
        }

        @Override
        public boolean delete(Digest digest) throws IOException {
            return delegate.delete(digest);
        }

        @Override
        public BlobUpload startUpload(UploadId id) throws IOException {
            return delegate.startUpload(id);
        }

        @Override
        public Optional<BlobUpload> findUpload(UploadId id) throws IOException {
            return delegate.findUpload(id);
        }

        @Override
        public List<UploadId> uploadsIdleSince(Instant cutoff) throws IOException {
            return delegate.uploadsIdleSince(cutoff);
        }
    }
}
