package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class SlowBodiesOnPostgresTest extends SlowBodiesTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
