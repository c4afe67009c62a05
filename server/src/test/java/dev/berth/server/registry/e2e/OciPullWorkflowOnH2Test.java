package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class OciPullWorkflowOnH2Test extends OciPullWorkflowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
