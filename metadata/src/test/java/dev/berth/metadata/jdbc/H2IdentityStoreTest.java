package dev.berth.metadata.jdbc;

import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite on the embedded default: an H2 file database in a fresh folder, held by this process as {@code berth serve} holds it. */
class H2IdentityStoreTest extends IdentityStoreContract {
    @TempDir
    static Path folder;
    private static JdbcIdentityStore store;

    @BeforeAll
    static void open() {
        store = TestDatabases.h2(folder);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected IdentityStore store() {
        return store;
    }
}
