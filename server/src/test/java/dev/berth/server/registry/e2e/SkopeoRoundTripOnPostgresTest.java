package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class SkopeoRoundTripOnPostgresTest extends SkopeoRoundTripTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
