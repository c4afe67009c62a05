package dev.berth.metadata.jdbc;


import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite on PostgreSQL. {@code run-tests} starts a throwaway PostgreSQL and passes
 * its URL in {@code BERTH_TEST_POSTGRES_URL}; without it this test fails rather than skips, so a
 * run that did not reach PostgreSQL cannot pass.
 */
class PostgresIdentityStoreTest extends IdentityStoreContract {
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
    protected IdentityStore store() {
        return store;
    }
}
