package dev.berth.server.config;

import dev.berth.server.registry.RegistrySettings;
import dev.berth.metadata.MetadataConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration of {@code berth serve} (iam-api.md section 1a).
 *
 * @param idleTimeout how long a connection may stay silent, also in the middle of a request body
 * @param minBodyBytesPerSecond the slowest average rate at which a request body is read to its end
 *     once its grace period is over; 0 for none
 */
public record ServerConfig(ListenAddress listen, Duration idleTimeout, long minBodyBytesPerSecond, Path dataDirectory,
                           MetadataConfig metadata, RegistrySettings registry) {
    /** The bounds of {@code server.idle-timeout-seconds}. */
    static final long MIN_IDLE_TIMEOUT_SECONDS = 1;
    static final long MAX_IDLE_TIMEOUT_SECONDS = 3600;
    /** The largest {@code server.min-body-bytes-per-second} (1 GiB per second). */
    static final long MAX_MIN_BODY_BYTES_PER_SECOND = 1L << 30;
    /** The bounds of {@code metadata.pool-size}, as {@link MetadataConfig} takes it. */
    static final long MIN_POOL_SIZE = 1;
    static final long MAX_POOL_SIZE = 256;

    public ServerConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(registry, "registry");
    }

    static ServerConfig from(Map<ConfigKey, String> values) {
        ListenAddress listen = ListenAddress.parse(values.get(ConfigKey.SERVER_LISTEN));
        Duration idleTimeout = Duration.ofSeconds(wholeNumber(ConfigKey.SERVER_IDLE_TIMEOUT_SECONDS, values,
                MIN_IDLE_TIMEOUT_SECONDS, MAX_IDLE_TIMEOUT_SECONDS));
        long minBodyBytesPerSecond = wholeNumber(ConfigKey.SERVER_MIN_BODY_BYTES_PER_SECOND, values, 0,
                MAX_MIN_BODY_BYTES_PER_SECOND);
        Path data = Path.of(values.get(ConfigKey.DATA_DIR));
        int poolSize = (int) wholeNumber(ConfigKey.METADATA_POOL_SIZE, values, MIN_POOL_SIZE, MAX_POOL_SIZE);
        try {
            return new ServerConfig(listen, idleTimeout, minBodyBytesPerSecond, data,
                    new MetadataConfig(Optional.ofNullable(values.get(ConfigKey.METADATA_URL)),
                            Optional.ofNullable(values.get(ConfigKey.METADATA_USER)),
                            Optional.ofNullable(values.get(ConfigKey.METADATA_PASSWORD)), poolSize),
                    new RegistrySettings(values.get(ConfigKey.REGISTRY_REGION), values.get(ConfigKey.REGISTRY_BASE_DOMAIN)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The value of {@code key}, a whole number from {@code min} to {@code max}. */
    private static long wholeNumber(ConfigKey key, Map<ConfigKey, String> values, long min, long max) {
        String text = values.get(key);
        long number;
        try {
            number = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            number = min - 1;
        }
        if (number < min || number > max) {
            throw new ConfigException("`" + key.key() + "` must be a whole number from " + min + " to " + max + ", got `" + text + "`");
        }
        return number;
    }

    /** {@code HOST:PORT}; port 0 asks for any free port. */
    public record ListenAddress(String host, int port) {
        public static ListenAddress parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new ConfigException("`server.listen` must be HOST:PORT, got `" + text + "`");
            }
            String host = text.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                int port = Integer.parseInt(text.substring(colon + 1));
                if (port < 0 || port > 65_535) {
                    throw new NumberFormatException();
                }
                return new ListenAddress(host, port);
            } catch (NumberFormatException e) {
                throw new ConfigException("`server.listen` port must be 0 to 65535, got `" + text.substring(colon + 1) + "`");
            }
        }
    }
}
