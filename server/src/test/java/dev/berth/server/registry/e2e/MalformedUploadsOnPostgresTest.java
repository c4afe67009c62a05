package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class MalformedUploadsOnPostgresTest extends MalformedUploadsTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
