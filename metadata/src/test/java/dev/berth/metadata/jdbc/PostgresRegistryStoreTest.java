package dev.berth.metadata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.store.RegistryStore;
import dev.berth.registry.store.RegistryStoreContract;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The registry conformance suite on PostgreSQL. {@code run-tests} starts a throwaway PostgreSQL and
 * passes its URL in {@code BERTH_TEST_POSTGRES_URL}; without it this test fails rather than skips, so
 * a run that did not reach PostgreSQL cannot pass.
 */
class PostgresRegistryStoreTest extends RegistryStoreContract {
    private static JdbcIdentityStore store;

    @BeforeAll
    static void open() {
        String url = System.getenv("BERTH_TEST_POSTGRES_URL");
        assertThat(url).as("BERTH_TEST_POSTGRES_URL (set by ./run-tests, which starts PostgreSQL)").isNotBlank();
        store = JdbcIdentityStore.open(url, Optional.ofNullable(System.getenv("BERTH_TEST_POSTGRES_USER")),
                Optional.empty(), 4);
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected RegistryStore store() {
        return store.registry();
    }
}
