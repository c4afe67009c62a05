package dev.berth.policy.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampTest {

    @Test
    void aDateAloneIsMidnightUtc() {
        assertThat(Timestamp.parse("2026-11-22").orElseThrow())
                .isEqualTo(Timestamp.parse("2026-11-22T00:00:00Z").orElseThrow());
    }

    @Test
    void offsetsMoveTheInstant() {
        assertThat(Timestamp.parse("2026-11-22T18:00:00+08:00").orElseThrow())
                .isEqualTo(Timestamp.parse("2026-11-22T10:00:00Z").orElseThrow());
        assertThat(Timestamp.parse("2026-11-22T05:30:00-0430").orElseThrow())
                .isEqualTo(Timestamp.parse("2026-11-22T10:00:00Z").orElseThrow());
    }

    @Test
    void agreesWithJavaTimeOnGeneratedInstants() {
        Random random = new Random(99L);
        for (int i = 0; i < 10_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 250_000_000_000L);
            int nanos = random.nextInt(1_000_000_000);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-36, 37) * 1800);
            OffsetDateTime time = Instant.ofEpochSecond(seconds, nanos).atOffset(offset);
            if (time.getYear() < 0 || time.getYear() > 9999) {
                continue;
            }
            String text = time.toString();
            assertThat(Timestamp.parse(text)).as(text).contains(new Timestamp(seconds, nanos));
        }
    }

    @ParameterizedTest(name = "{0} is not a date")
    @ValueSource(strings = {"", "2026", "2026-13-01", "2026-02-29", "2026-11-31", "2026-11-22T24:00:00Z", "2026-11-22T10:00:00",
            "2026-11-22 10:00:00Z", "2026-11-22T10:00:60Z", "2026-11-22T10:00:00.Z", "2026-11-22T10:00:00+19:00",
            "1700000000", "tomorrow", "2026-11-22t10:00:00z", "2026-11-22T10:00:00ZZ"})
    void refusesWhatIsNotADate(String text) {
        assertThat(Timestamp.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is a date")
    @ValueSource(strings = {"2024-02-29", "2026-11-22T10:00Z", "2026-11-22T10:00:00.123456789Z", "2026-11-22T10:00:00+08",
            "2000-01-01T00:00:00-12:00"})
    void readsIso8601Forms(String text) {
        assertThat(Timestamp.parse(text)).isPresent();
    }
}
