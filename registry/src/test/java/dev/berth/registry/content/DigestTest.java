package dev.berth.registry.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {
    @Test
    void sha256OfBytesIsTheKnownValue() {
        assertThat(Digest.sha256Of("abc".getBytes(StandardCharsets.US_ASCII)).toString())
                .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void parsesWhatItPrints() {
        Digest digest = Digest.sha256Of(new byte[0]);
        assertThat(Digest.parse(digest.toString())).isEqualTo(digest);
    }

    @Test
    void refusesUnknownAlgorithmsAndWrongLengths() {
        assertThatThrownBy(() -> Digest.parse("md5:d41d8cd98f00b204e9800998ecf8427e")).hasMessageContaining("`md5` is not supported");
        assertThatThrownBy(() -> Digest.parse("sha256:abc")).hasMessageContaining("64 lower-case hex digits");
        assertThatThrownBy(() -> Digest.parse("sha256:" + "A".repeat(64))).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> Digest.parse("sha256")).hasMessageContaining("not `algorithm:hex`");
    }
}
