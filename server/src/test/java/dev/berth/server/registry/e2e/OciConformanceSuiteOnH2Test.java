package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class OciConformanceSuiteOnH2Test extends OciConformanceSuiteTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
