package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class OciContentDiscoveryWorkflowOnH2Test extends OciContentDiscoveryWorkflowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
