package dev.berth.metadata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityStoreContract;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @Test
    void anotherNodeOnTheSameDatabaseSeesEveryChangeInTheGeneration() {
        try (JdbcIdentityStore otherNode = TestDatabases.postgres()) {
            long seen = otherNode.generation();
            newAccount(Optional.empty());
            assertThat(otherNode.generation()).isGreaterThan(seen);
        }
    }

    @Override
    protected IdentityStore store() {
        return store;
    }
}
