package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class ForgedTokensOnPostgresTest extends ForgedTokensTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
