package dev.berth.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {
    @Test
    void rangeRequestsAreClippedToTheBlob() {
        assertThat(ByteRange.requested(Optional.of("bytes=10-19"), 100)).isEqualTo(new ByteRange.Requested.Part(new ByteRange(10, 19)));
        assertThat(ByteRange.requested(Optional.of("bytes=90-"), 100)).isEqualTo(new ByteRange.Requested.Part(new ByteRange(90, 99)));
        assertThat(ByteRange.requested(Optional.of("bytes=90-500"), 100)).isEqualTo(new ByteRange.Requested.Part(new ByteRange(90, 99)));
        assertThat(ByteRange.requested(Optional.of("bytes=-10"), 100)).isEqualTo(new ByteRange.Requested.Part(new ByteRange(90, 99)));
    }

    @Test
    void aRangePastTheEndIsUnsatisfiableAndOddFormsMeanTheWholeBlob() {
        assertThat(ByteRange.requested(Optional.of("bytes=100-"), 100)).isInstanceOf(ByteRange.Requested.Unsatisfiable.class);
        assertThat(ByteRange.requested(Optional.of("bytes=0-1,5-6"), 100)).isInstanceOf(ByteRange.Requested.Whole.class);
        assertThat(ByteRange.requested(Optional.empty(), 100)).isInstanceOf(ByteRange.Requested.Whole.class);
    }
}
