package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class DistributionConformanceOnH2Test extends DistributionConformanceTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
