package dev.berth.server.cli;

import dev.berth.server.config.ConfigKey;
import dev.berth.server.config.ConfigLoader;
import dev.berth.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every server-side command shares: {@code --config}, {@code --data-dir}. */
final class ConfigOptions {
    static final Path DEFAULT_FILE = Path.of("berth.yaml");

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: ./berth.yaml when present)")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "data folder (default: ./data)")
    String dataDirectory;

    ServerConfig load(Map<ConfigKey, String> moreFlags) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        if (dataDirectory != null) {
            flags.put(ConfigKey.DATA_DIR, dataDirectory);
        }
        flags.putAll(moreFlags);
        Optional<Path> file = config != null ? Optional.of(config)
                : Files.isRegularFile(DEFAULT_FILE) ? Optional.of(DEFAULT_FILE) : Optional.empty();
        return ConfigLoader.load(file, System.getenv(), flags);
    }
}
