package dev.berth.benchmarks.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final String[] REQUIRED = {"berth=127.0.0.1:5000", "credentials=/tmp/credentials", "berth-pid=1",
            "distribution=127.0.0.1:5001", "distribution-pid=2"};

    @Test
    void theSizesAndCountsDefaultToIssueFours() {
        Settings settings = Settings.parse(REQUIRED);
        assertThat(settings.blobMiB()).isEqualTo(1024);
        assertThat(settings.chunkedMiB()).isEqualTo(256);
        assertThat(settings.chunkMiB()).isEqualTo(8);
        assertThat(settings.seconds()).isEqualTo(30);
        assertThat(settings.concurrency()).isEqualTo(32);
        assertThat(settings.images()).isEqualTo(100);
        assertThat(settings.clients()).isEqualTo(16);
        assertThat(settings.rounds()).isEqualTo(1);
        for (char figure : "abcde".toCharArray()) {
            assertThat(settings.measures(figure)).as("figure %s", figure).isTrue();
        }
    }

    @Test
    void anAddressOffThisMachineIsRefused() {
        String[] args = REQUIRED.clone();
        args[3] = "distribution=10.0.0.1:5000";
        assertThatThrownBy(() -> Settings.parse(args)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("distribution `10.0.0.1:5000` is not a loopback host:port");
    }

    @Test
    void aPullWithoutThePushItReadsIsRefused() {
        String[] args = Arrays.copyOf(REQUIRED, REQUIRED.length + 1);
        args[REQUIRED.length] = "figures=bd";
        assertThatThrownBy(() -> Settings.parse(args)).hasMessageContaining("with `a` when `b` is there");
    }
}
