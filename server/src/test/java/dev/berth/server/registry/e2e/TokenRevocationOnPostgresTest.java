package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class TokenRevocationOnPostgresTest extends TokenRevocationTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
