package dev.berth.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path folder;

    @Test
    void defaultsListenOnLoopbackPort5000WithDataInDotData() {
        ServerConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of());
        assertThat(config.listen()).isEqualTo(new ServerConfig.ListenAddress("127.0.0.1", 5000));
        assertThat(config.dataDirectory()).isEqualTo(Path.of("./data"));
        assertThat(config.metadata().url()).isEmpty();
    }

    @Test
    void flagsBeatTheEnvironmentWhichBeatsTheFile() throws IOException {
        Path file = Files.writeString(folder.resolve("berth.yaml"), "server:\n  listen: 127.0.0.1:6000\ndata:\n  dir: /srv/file\n");
        ServerConfig config = ConfigLoader.load(Optional.of(file),
                Map.of("BERTH_DATA_DIR", "/srv/environment", "BERTH_SERVER_LISTEN", "127.0.0.1:7000"),
                Map.of(ConfigKey.SERVER_LISTEN, "127.0.0.1:8000"));
        assertThat(config.listen().port()).isEqualTo(8000);
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/srv/environment"));
    }

    @Test
    void anUnknownKeyInTheFileStopsStartUpWithAHint() throws IOException {
        Path file = Files.writeString(folder.resolve("berth.yaml"), "server:\n  lisen: 127.0.0.1:6000\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key `server.lisen`; did you mean `server.listen`?");
    }

    @Test
    void anUnknownVariableOfAKnownSectionStopsStartUpWithAHint() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("BERTH_METADATA_UR", "x"), Map.of()))
                .hasMessage("unknown environment variable `BERTH_METADATA_UR`; did you mean `BERTH_METADATA_URL`?");
    }

    @Test
    void variablesOfOtherSectionsAreNotBerthsBusiness() {
        ServerConfig config = ConfigLoader.load(Optional.empty(), Map.of("BERTH_TEST_POSTGRES_URL", "x", "PATH", "/bin"), Map.of());
        assertThat(config.listen().port()).isEqualTo(5000);
    }

    @Test
    void theIdleTimeoutIsSixtySecondsUnlessSetFromOneSecondToAnHour() {
        assertThat(ConfigLoader.load(Optional.empty(), Map.of(), Map.of()).idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ConfigLoader.load(Optional.empty(), Map.of("BERTH_SERVER_IDLE_TIMEOUT_SECONDS", "2"), Map.of()).idleTimeout())
                .isEqualTo(Duration.ofSeconds(2));
        for (String bad : new String[] {"0", "3601", "-1", "1.5", "1m"}) {
            assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("BERTH_SERVER_IDLE_TIMEOUT_SECONDS", bad), Map.of()))
                    .hasMessage("`server.idle-timeout-seconds` must be a whole number from 1 to 3600, got `" + bad + "`");
        }
    }

    @Test
    void theMinimumBodyRateIs1024BytesPerSecondUnlessSetFromZeroForNoneToAGibibyte() {
        assertThat(ConfigLoader.load(Optional.empty(), Map.of(), Map.of()).minBodyBytesPerSecond()).isEqualTo(1024);
        assertThat(ConfigLoader.load(Optional.empty(), Map.of("BERTH_SERVER_MIN_BODY_BYTES_PER_SECOND", "0"), Map.of())
                .minBodyBytesPerSecond()).isZero();
        for (String bad : new String[] {"-1", "1073741825", "1k", "", "0.5"}) {
            assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("BERTH_SERVER_MIN_BODY_BYTES_PER_SECOND", bad), Map.of()))
                    .hasMessage("`server.min-body-bytes-per-second` must be a whole number from 0 to 1073741824, got `" + bad + "`");
        }
    }

    @Test
    void aMisspelledMinimumBodyRateStopsStartUpWithAHint() throws IOException {
        Path file = Files.writeString(folder.resolve("berth.yaml"), "server:\n  min-body-byte-per-second: 2048\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
                .hasMessageContaining("unknown key `server.min-body-byte-per-second`; did you mean `server.min-body-bytes-per-second`?");
    }

    @Test
    void badValuesAreRefusedWithTheKeyNamed() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("BERTH_SERVER_LISTEN", "localhost"), Map.of()))
                .hasMessage("`server.listen` must be HOST:PORT, got `localhost`");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("BERTH_METADATA_URL", "jdbc:mysql://x"), Map.of()))
                .hasMessage("metadata.url must be a `jdbc:postgresql:` or `jdbc:h2:` URL");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("BERTH_METADATA_POOL_SIZE", "many"), Map.of()))
                .hasMessage("`metadata.pool-size` must be a whole number from 1 to 256, got `many`");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("BERTH_METADATA_POOL_SIZE", "0"), Map.of()))
                .hasMessage("`metadata.pool-size` must be a whole number from 1 to 256, got `0`");
    }
}
