package dev.berth.registry.service;

import static dev.berth.registry.service.RegistryFixture.assertRefused;
import static dev.berth.registry.service.RegistryFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.blob.BlobContent;
import dev.berth.registry.content.Digest;
import dev.berth.registry.name.ImageName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlobServiceTest {
    private final RegistryFixture fixture = new RegistryFixture();
    private final BlobService blobs = fixture.registry.blobs();
    private final RepositoryAddress app = fixture.address("team/app");
    private final RepositoryAddress other = fixture.address("team/other");

    @Test
    void aBlobPushedIntoTheRepositoryCanBeStatedAndRead() throws IOException {
        Digest digest = fixture.pushBlob(app, "content");

        assertThat(blobs.stat(app, digest)).isEqualTo(new BlobInfo(digest, 7));
        try (BlobContent content = blobs.open(app, digest)) {
            ByteBuffer buffer = ByteBuffer.allocate(16);
            content.channel().read(buffer);
            assertThat(content.size()).isEqualTo(7);
            assertThat(buffer.flip().remaining()).isEqualTo(7);
        }
    }

    @Test
    void aBlobOfAnotherRepositoryIsBlobUnknownEvenToAHead() throws IOException {
        Digest digest = fixture.pushBlob(app, "content");
        fixture.pushBlob(other, "unrelated");

        assertRefused(() -> blobs.stat(other, digest), Problem.BLOB_UNKNOWN, "blob `" + digest + "` is not in repository `team/other`");
        assertRefused(() -> blobs.open(other, digest), Problem.BLOB_UNKNOWN, "is not in repository `team/other`");
    }

    @Test
    void aBlobOfAMissingRepositoryIsNameUnknown() {
        assertRefused(() -> blobs.stat(fixture.address("team/none"), Digest.sha256Of(bytes("x"))), Problem.NAME_UNKNOWN,
                "repository `team/none` does not exist");
    }

    @Test
    void deletingUnlinksTheBlobAndKeepsTheBytesWhileAnotherRepositoryLinksThem() throws IOException {
        Digest digest = fixture.pushBlob(app, "content");
        fixture.registry.uploads().mount(other, digest, Optional.of(ImageName.parse("team/app")), true);

        blobs.delete(app, digest);

        assertRefused(() -> blobs.stat(app, digest), Problem.BLOB_UNKNOWN, "team/app");
        assertThat(blobs.stat(other, digest).size()).isEqualTo(7);
        assertThat(fixture.blobStore().bytesOf(digest)).isPresent();
    }

    @Test
    void deletingTheLastLinkRemovesTheBytes() throws IOException {
        Digest digest = fixture.pushBlob(app, "content");

        blobs.delete(app, digest);

        assertThat(fixture.blobStore().bytesOf(digest)).isEmpty();
    }

    @Test
    void deletingABlobTheRepositoryDoesNotLinkIsBlobUnknownAndTouchesNothing() throws IOException {
        Digest digest = fixture.pushBlob(app, "content");
        fixture.pushBlob(other, "unrelated");

        assertRefused(() -> blobs.delete(other, digest), Problem.BLOB_UNKNOWN, "is not in repository `team/other`");
        assertThat(blobs.stat(app, digest).size()).isEqualTo(7);
        assertThat(fixture.blobStore().bytesOf(digest)).isPresent();
    }
}
