package dev.berth.server.config;

import dev.berth.server.registry.RegistrySettings;
import dev.berth.metadata.MetadataConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The validated configuration of {@code berth serve} (iam-api.md section 1a). */
public record ServerConfig(ListenAddress listen, Path dataDirectory, MetadataConfig metadata, RegistrySettings registry) {
    public ServerConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(registry, "registry");
    }

    static ServerConfig from(Map<ConfigKey, String> values) {
        ListenAddress listen = ListenAddress.parse(values.get(ConfigKey.SERVER_LISTEN));
        Path data = Path.of(values.get(ConfigKey.DATA_DIR));
        int poolSize;
        try {
            poolSize = Integer.parseInt(values.get(ConfigKey.METADATA_POOL_SIZE));
        } catch (NumberFormatException e) {
            throw new ConfigException("`metadata.pool-size` must be a whole number");
        }
        try {
            return new ServerConfig(listen, data, new MetadataConfig(Optional.ofNullable(values.get(ConfigKey.METADATA_URL)),
                    Optional.ofNullable(values.get(ConfigKey.METADATA_USER)),
                    Optional.ofNullable(values.get(ConfigKey.METADATA_PASSWORD)), poolSize),
                    new RegistrySettings(values.get(ConfigKey.REGISTRY_REGION), values.get(ConfigKey.REGISTRY_BASE_DOMAIN)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
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
