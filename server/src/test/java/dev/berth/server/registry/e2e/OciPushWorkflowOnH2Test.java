package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class OciPushWorkflowOnH2Test extends OciPushWorkflowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
