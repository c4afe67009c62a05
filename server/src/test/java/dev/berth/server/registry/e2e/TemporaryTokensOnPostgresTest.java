package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class TemporaryTokensOnPostgresTest extends TemporaryTokensTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
