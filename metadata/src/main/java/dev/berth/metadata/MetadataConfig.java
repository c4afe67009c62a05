package dev.berth.metadata;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where metadata lives: {@code metadata.url} (a JDBC URL of PostgreSQL or H2), or, by default, an
 * embedded H2 database under the data folder. Credentials are never logged.
 */
public record MetadataConfig(Optional<String> url, Optional<String> user, Optional<String> password, int poolSize) {
    public MetadataConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        url.ifPresent(MetadataConfig::requireSupported);
        if (poolSize < 1 || poolSize > 256) {
            throw new IllegalArgumentException("metadata pool size must be 1 to 256, got " + poolSize);
        }
    }

    public static MetadataConfig embedded() {
        return new MetadataConfig(Optional.empty(), Optional.empty(), Optional.empty(), 16);
    }

    /** Whether metadata lives in the embedded H2 database of the data folder (no {@code metadata.url}). */
    public boolean embeddedDatabase() {
        return url.isEmpty();
    }

    /**
     * The JDBC URL to open: the configured one, or the embedded H2 database in {@code dataDirectory}.
     * {@code WRITE_DELAY=0} makes H2 write each commit to its file as the commit returns (by default it
     * writes up to 500 ms later, so a crashed process would lose commits already acknowledged:
     * registry.md section 6).
     */
    public String jdbcUrl(Path dataDirectory) {
        return url.orElseGet(() -> "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("metadata")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=256;WRITE_DELAY=0");
    }

    private static void requireSupported(String url) {
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("metadata.url must be a `jdbc:postgresql:` or `jdbc:h2:` URL");
        }
    }
}
