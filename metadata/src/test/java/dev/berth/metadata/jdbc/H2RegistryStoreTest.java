package dev.berth.metadata.jdbc;

import dev.berth.registry.store.RegistryStore;
import dev.berth.registry.store.RegistryStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The registry conformance suite on the embedded default: an H2 file database in a fresh folder. */
class H2RegistryStoreTest extends RegistryStoreContract {
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
    protected RegistryStore store() {
        return store.registry();
    }
}
