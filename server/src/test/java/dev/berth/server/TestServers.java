package dev.berth.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.server.config.ConfigKey;
import dev.berth.server.config.ConfigLoader;
import dev.berth.server.registry.client.Skopeo.Credentials;
import dev.berth.server.runtime.BerthServer;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a real server on a free loopback port for a test, on embedded H2 or on PostgreSQL (a fresh
 * database of the throwaway cluster {@code run-tests} starts), and reads its bootstrap credentials.
 */
public final class TestServers {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestServers() {
    }

    /** Where the server keeps its metadata. */
    public enum Backend { H2, POSTGRESQL }

    /** A started server and its bootstrap credentials. */
    public record Started(BerthServer server, JsonNode credentials) implements AutoCloseable {
        public String endpoint() {
            return server.uri().getHost() + ":" + server.uri().getPort();
        }

        public String accountId() {
            return credentials.get("AccountId").asText();
        }

        public String accessKeyId() {
            return credentials.get("AccessKeyId").asText();
        }

        public String accessKeySecret() {
            return credentials.get("AccessKeySecret").asText();
        }

        /** The account's own registry credentials: its id and the bootstrap registry password. */
        public Credentials registryCredentials() {
            return TestServers.registryCredentials(credentials);
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    /** The registry credentials of a bootstrap credentials file: {@code AccountId} and {@code RegistryPassword}. */
    public static Credentials registryCredentials(JsonNode bootstrap) {
        return new Credentials(bootstrap.get("AccountId").asText(), bootstrap.get("RegistryPassword").asText());
    }

    public static Started start(Path folder, Backend backend) throws Exception {
        return start(folder, backend, Clock.systemUTC(), Map.of());
    }

    /** A server whose clock is {@code clock} (to put it ahead of or behind its clients). */
    public static Started start(Path folder, Backend backend, Clock clock) throws Exception {
        return start(folder, backend, clock, Map.of());
    }

    /** A server on {@code clock}, with {@code settings} (such as {@code server.idle-timeout-seconds}) on top of the test's own. */
    public static Started start(Path folder, Backend backend, Clock clock, Map<ConfigKey, String> settings) throws Exception {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.putAll(settings);
        flags.put(ConfigKey.SERVER_LISTEN, "127.0.0.1:0");
        flags.put(ConfigKey.DATA_DIR, folder.resolve("data").toString());
        if (backend == Backend.POSTGRESQL) {
            flags.put(ConfigKey.METADATA_URL, freshPostgresDatabase());
            flags.put(ConfigKey.METADATA_USER, System.getenv("BERTH_TEST_POSTGRES_USER"));
        }
        BerthServer server = BerthServer.start(ConfigLoader.load(Optional.empty(), Map.of(), flags), clock);
        try {
            JsonNode credentials = new ObjectMapper().readTree(server.bootstrapFile().orElseThrow().toFile());
            return new Started(server, credentials);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Creates an empty database in the test cluster and returns its URL; fails when there is no cluster. */
    public static String freshPostgresDatabase() throws SQLException {
        String url = System.getenv("BERTH_TEST_POSTGRES_URL");
        assertThat(url).as("BERTH_TEST_POSTGRES_URL (set by ./run-tests, which starts PostgreSQL)").isNotBlank();
        String name = "berth_" + Long.toUnsignedString(RANDOM.nextLong(), 36);
        try (Connection connection = DriverManager.getConnection(url, System.getenv("BERTH_TEST_POSTGRES_USER"), null);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }
}
