package dev.berth.server.config;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key, as written in {@code berth.yaml} ({@code section.key}) and in the
 * environment ({@code BERTH_SECTION_KEY}), with its default. Secrets are marked so that nothing
 * prints them.
 */
public enum ConfigKey {
    SERVER_LISTEN("server.listen", "127.0.0.1:5000", false),
    /** A connection silent this long is closed: it bounds stalled and very slow request bodies (registry.md section 7). */
    SERVER_IDLE_TIMEOUT_SECONDS("server.idle-timeout-seconds", "60", false),
    /**
     * A request body slower than this on average, once it has been read for a few seconds, is refused:
     * it bounds bodies that trickle just fast enough to beat the idle timeout (0: no minimum).
     */
    SERVER_MIN_BODY_BYTES_PER_SECOND("server.min-body-bytes-per-second", "1024", false),
    DATA_DIR("data.dir", "./data", false),
    METADATA_URL("metadata.url", null, true),
    METADATA_USER("metadata.user", null, false),
    METADATA_PASSWORD("metadata.password", null, true),
    METADATA_POOL_SIZE("metadata.pool-size", "16", false),
    REGISTRY_REGION("registry.region", "cn-hangzhou", false),
    REGISTRY_BASE_DOMAIN("registry.base-domain", "cr.aliyuncs.com", false);

    private final String name;
    private final String defaultValue;
    private final boolean secret;

    ConfigKey(String name, String defaultValue, boolean secret) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.secret = secret;
    }

    public String key() {
        return name;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public boolean secret() {
        return secret;
    }

    /** {@code BERTH_METADATA_POOL_SIZE} for {@code metadata.pool-size}. */
    public String environmentName() {
        return "BERTH_" + name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    public String section() {
        return name.substring(0, name.indexOf('.'));
    }

    public static Optional<ConfigKey> named(String key) {
        return Arrays.stream(values()).filter(k -> k.name.equals(key)).findFirst();
    }

    public static Optional<ConfigKey> fromEnvironment(String variable) {
        return Arrays.stream(values()).filter(k -> k.environmentName().equals(variable)).findFirst();
    }

    public static boolean isSection(String section) {
        return Arrays.stream(values()).anyMatch(k -> k.section().equals(section));
    }

    /** The known key closest to {@code unknown}, for "did you mean" hints. */
    public static ConfigKey closestTo(String unknown, boolean environment) {
        return Arrays.stream(values())
                .min(Comparator.comparingInt(k -> distance(unknown, environment ? k.environmentName() : k.name)))
                .orElseThrow();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
