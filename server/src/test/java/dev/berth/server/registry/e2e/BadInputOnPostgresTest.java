package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class BadInputOnPostgresTest extends BadInputTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
