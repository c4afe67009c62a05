package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class MalformedRequestsOnPostgresTest extends MalformedRequestsTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
