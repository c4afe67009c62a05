package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class OciPullTeardownBlobsFirstWorkflowOnH2Test extends OciPullTeardownBlobsFirstWorkflowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
