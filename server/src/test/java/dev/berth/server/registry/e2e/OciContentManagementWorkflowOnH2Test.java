package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class OciContentManagementWorkflowOnH2Test extends OciContentManagementWorkflowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
