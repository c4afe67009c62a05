package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;
import dev.berth.server.config.ConfigKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started once for a test class, on the backend its subclass names, and a client signed in
 * with the bootstrap account's registry password (Basic straight to {@code /v2}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunningRegistry {
    Path folder;
    TestServers.Started started;
    RobustHttp registry;

    abstract TestServers.Backend backend();

    /** The server's clock. */
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Settings on top of the test's own. */
    Map<ConfigKey, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        this.folder = folder;
        started = TestServers.start(folder, backend(), clock(), settings());
        registry = RobustHttp.basic(started.server().uri(), started.registryCredentials());
    }

    @AfterAll
    void stop() throws Exception {
        if (started != null) {
            started.close();
        }
    }
}
