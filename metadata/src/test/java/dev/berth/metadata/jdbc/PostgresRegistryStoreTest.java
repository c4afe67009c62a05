package dev.berth.metadata.jdbc;


import dev.berth.registry.store.RegistryStore;
import dev.berth.registry.store.RegistryStoreContract;
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
        store = TestDatabases.postgres();
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
