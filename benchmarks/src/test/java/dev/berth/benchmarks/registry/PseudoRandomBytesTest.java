package dev.berth.benchmarks.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudoRandomBytesTest {
    @Test
    void theSameSeedGivesTheSameBytesWhateverTheSizesOfTheReads() throws IOException {
        byte[] whole = PseudoRandomBytes.small(7, 200_000);
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        try (InputStream in = new PseudoRandomBytes(7, 200_000)) {
            byte[] buffer = new byte[1024];
            int size = 1;
            for (int read; (read = in.read(buffer, 0, size)) > 0; size = size % 997 + 13) {
                pieces.write(buffer, 0, read);
            }
        }
        assertThat(pieces.toByteArray()).isEqualTo(whole);
        assertThat(PseudoRandomBytes.small(8, 200_000)).isNotEqualTo(whole);
    }

    @Test
    void aBlobWrittenToAFileHasTheBytesAndDigestOfTheStreamedOne(@TempDir Path folder) throws IOException {
        BlobBody written = PseudoRandomBytes.written(11, 100_003, folder.resolve("blob"));
        byte[] bytes;
        try (InputStream in = written.content().get()) {
            bytes = in.readAllBytes();
        }
        assertThat(bytes).isEqualTo(PseudoRandomBytes.small(11, 100_003));
        assertThat(bytes).hasSize(100_003);
        assertThat(written.size()).isEqualTo(100_003);
        assertThat(written.digest()).isEqualTo(Sha256.of(bytes));
    }
}
