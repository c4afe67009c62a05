package dev.berth.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.server.config.ConfigKey;
import dev.berth.server.config.ConfigLoader;
import dev.berth.server.config.ServerConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth serve} on its embedded defaults (iam-api.md section 1a), in process on a free port. */
class BerthServerTest {
    @TempDir
    Path folder;

    @Test
    void theFirstStartWritesPrivateBootstrapCredentialsAndAnswersHealthChecks() throws Exception {
        Path data = folder.resolve("data");
        try (BerthServer server = BerthServer.start(config(data), Clock.systemUTC())) {
            assertThat(server.bootstrapFile()).contains(data.toAbsolutePath().resolve("bootstrap-credentials"));
            Path file = server.bootstrapFile().orElseThrow();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("master.key")))).isEqualTo("rw-------");
            JsonNode credentials = new ObjectMapper().readTree(file.toFile());
            assertThat(credentials.get("AccountId").asText()).matches("[1-9][0-9]{15}");
            assertThat(credentials.get("AccessKeyId").asText()).matches("LTAI[A-Za-z0-9]{20}");
            assertThat(credentials.get("AccessKeySecret").asText()).hasSize(30);
            assertThat(credentials.get("ConsolePassword").asText()).isNotBlank();
            assertThat(credentials.get("RegistryPassword").asText()).isNotBlank();
            assertThat(Files.readString(data.resolve("metadata.mv.db"), StandardCharsets.ISO_8859_1))
                    .doesNotContain(credentials.get("AccessKeySecret").asText());

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.uri().resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aLaterStartKeepsTheAccountAndWritesNoNewCredentials() throws Exception {
        Path data = folder.resolve("data");
        String first;
        try (BerthServer server = BerthServer.start(config(data), Clock.systemUTC())) {
            first = Files.readString(server.bootstrapFile().orElseThrow());
        }
        try (BerthServer server = BerthServer.start(config(data), Clock.systemUTC())) {
            assertThat(server.bootstrapFile()).isEmpty();
        }
        assertThat(Files.readString(data.resolve("bootstrap-credentials"))).isEqualTo(first);
    }

    @Test
    void aSecondServerOnTheSameDataFolderStopsAtStartAndTheFirstGoesOn() throws Exception {
        Path data = folder.resolve("data");
        try (BerthServer server = BerthServer.start(config(data), Clock.systemUTC())) {
            assertThatThrownBy(() -> BerthServer.start(config(data), Clock.systemUTC()).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another `berth serve` is using the data folder `" + data.toAbsolutePath());
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.uri().resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
        try (BerthServer again = BerthServer.start(config(data), Clock.systemUTC())) {
            assertThat(again.bootstrapFile()).as("a later start, once the first stopped").isEmpty();
        }
    }

    private static ServerConfig config(Path data) {
        return ConfigLoader.load(Optional.empty(), Map.of(),
                Map.of(ConfigKey.SERVER_LISTEN, "127.0.0.1:0", ConfigKey.DATA_DIR, data.toString()));
    }

}
