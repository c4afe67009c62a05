package dev.berth.registry.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.MutableClock;
import dev.berth.registry.content.Digest;
import dev.berth.registry.instance.InstanceId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryBlobStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryBlobStores stores = new InMemoryBlobStores(clock);
    private final InMemoryBlobStore store = stores.of(InstanceId.random(new SecureRandom(), false));

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachInstanceHasItsOwnStore() {
        assertThat(stores.of(InstanceId.random(new SecureRandom(), false))).isNotSameAs(store);
    }

    @Test
    void aCommittedBlobIsVisibleAndTheSessionEnds() throws IOException {
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(body("hello"), Optional.empty());
        Digest digest = Digest.sha256Of("hello".getBytes(StandardCharsets.UTF_8));

        assertThat(upload.commit(digest, Optional.of(5L))).isEqualTo(digest);

        assertThat(store.size(digest)).contains(5L);
        assertThat(store.findUpload(upload.id())).isEmpty();
        assertThatThrownBy(() -> upload.append(body("more"), Optional.empty())).hasMessageContaining("has ended");
    }

    @Test
    void aMismatchStoresNothingAndEndsTheSession() throws IOException {
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(body("hello"), Optional.empty());

        assertThatThrownBy(() -> upload.commit(Digest.sha256Of(new byte[0]), Optional.empty())).isInstanceOf(DigestMismatchException.class);
        assertThatThrownBy(() -> upload.commit(Digest.sha256Of("hello".getBytes(StandardCharsets.UTF_8)), Optional.empty()))
                .hasMessageContaining("has ended");
        assertThat(store.blobCount()).isZero();
        assertThat(store.uploadCount()).isZero();
    }

    @Test
    void anAppendPastItsLimitKeepsWhatWasThere() throws IOException {
        BlobUpload upload = store.startUpload(UploadId.random());
        upload.append(body("ab"), Optional.of(2L));

        assertThatThrownBy(() -> upload.append(body("cde"), Optional.of(2L))).isInstanceOf(UploadTooLargeException.class);
        assertThat(upload.size()).isEqualTo(2);
    }

    @Test
    void uploadsIdleSinceACutoffAreListed() throws IOException {
        BlobUpload idle = store.startUpload(UploadId.random());
        clock.advance(Duration.ofHours(2));
        BlobUpload busy = store.startUpload(UploadId.random());

        assertThat(store.uploadsIdleSince(clock.instant().minus(Duration.ofHours(1)))).containsExactly(idle.id());
        assertThat(busy.lastActivity()).isEqualTo(clock.instant());
    }

    @Test
    void aReadChannelReadsTheBytesFromAnyPosition() throws IOException {
        store.put(Digest.sha256Of("abcdef".getBytes(StandardCharsets.UTF_8)), "abcdef".getBytes(StandardCharsets.UTF_8));
        try (BlobContent content = store.open(Digest.sha256Of("abcdef".getBytes(StandardCharsets.UTF_8))).orElseThrow()) {
            ByteBuffer buffer = ByteBuffer.allocate(10);
            content.channel().position(3).read(buffer);
            assertThat(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)).isEqualTo("def");
        }
    }
}
