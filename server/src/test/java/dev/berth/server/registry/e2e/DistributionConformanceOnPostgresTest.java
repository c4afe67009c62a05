package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class DistributionConformanceOnPostgresTest extends DistributionConformanceTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
