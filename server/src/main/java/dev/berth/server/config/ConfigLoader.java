package dev.berth.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads configuration in order of precedence: command-line flags, then {@code BERTH_SECTION_KEY}
 * environment variables, then the optional {@code berth.yaml}, then defaults. An unknown key in the
 * file, or an unknown variable of a known section in the environment, stops start-up with the
 * nearest known key as a hint. Variables of sections Berth does not have are not its business.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigLoader() {
    }

    public static ServerConfig load(Optional<Path> file, Map<String, String> environment, Map<ConfigKey, String> flags) {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            key.defaultValue().ifPresent(value -> values.put(key, value));
        }
        file.ifPresent(path -> values.putAll(readFile(path)));
        values.putAll(readEnvironment(environment));
        values.putAll(flags);
        return ServerConfig.from(values);
    }

    private static Map<ConfigKey, String> readFile(Path path) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(path));
        } catch (JacksonException e) {
            throw new ConfigException("`" + path + "` is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read `" + path + "`");
        }
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            throw new ConfigException("`" + path + "` must map sections to keys");
        }
        for (Map.Entry<String, JsonNode> section : root.properties()) {
            if (!section.getValue().isObject()) {
                throw new ConfigException("`" + path + "`: `" + section.getKey() + "` must be a section of keys");
            }
            for (Map.Entry<String, JsonNode> entry : section.getValue().properties()) {
                String name = section.getKey() + "." + entry.getKey();
                ConfigKey key = ConfigKey.named(name).orElseThrow(() -> new ConfigException("`" + path + "`: unknown key `"
                        + name + "`; did you mean `" + ConfigKey.closestTo(name, false).key() + "`?"));
                if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                    throw new ConfigException("`" + path + "`: `" + name + "` must be a single value");
                }
                values.put(key, entry.getValue().asText());
            }
        }
        return values;
    }

    private static Map<ConfigKey, String> readEnvironment(Map<String, String> environment) {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith("BERTH_")) {
                continue;
            }
            Optional<ConfigKey> key = ConfigKey.fromEnvironment(name);
            if (key.isPresent()) {
                values.put(key.get(), variable.getValue());
                continue;
            }
            String rest = name.substring("BERTH_".length());
            String section = rest.contains("_") ? rest.substring(0, rest.indexOf('_')).toLowerCase(Locale.ROOT) : "";
            if (ConfigKey.isSection(section)) {
                throw new ConfigException("unknown environment variable `" + name + "`; did you mean `"
                        + ConfigKey.closestTo(name, true).environmentName() + "`?");
            }
        }
        return values;
    }
}
