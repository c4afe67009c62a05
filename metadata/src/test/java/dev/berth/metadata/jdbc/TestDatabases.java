package dev.berth.metadata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.metadata.MetadataConfig;
import java.nio.file.Path;
import java.util.Optional;

/** The databases the store suites run on: the embedded H2 default, and the PostgreSQL {@code run-tests} starts. */
final class TestDatabases {
    private TestDatabases() {
    }

    /** An H2 file database in {@code folder}, as {@code berth serve} opens it by default. */
    static JdbcIdentityStore h2(Path folder) {
        return JdbcIdentityStore.openHeld(MetadataConfig.embedded().jdbcUrl(folder), 4);
    }

    /**
     * The PostgreSQL of {@code BERTH_TEST_POSTGRES_URL}; fails, never skips, without it, so a run that did
     * not reach PostgreSQL cannot pass.
     */
    static JdbcIdentityStore postgres() {
        String url = System.getenv("BERTH_TEST_POSTGRES_URL");
        assertThat(url).as("BERTH_TEST_POSTGRES_URL (set by ./run-tests, which starts PostgreSQL)").isNotBlank();
        return JdbcIdentityStore.open(url, Optional.ofNullable(System.getenv("BERTH_TEST_POSTGRES_USER")), Optional.empty(), 4);
    }
}
