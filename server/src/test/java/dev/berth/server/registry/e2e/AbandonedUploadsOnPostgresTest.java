package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class AbandonedUploadsOnPostgresTest extends AbandonedUploadsTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
