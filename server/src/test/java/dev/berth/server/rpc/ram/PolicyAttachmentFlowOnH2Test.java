package dev.berth.server.rpc.ram;

import dev.berth.server.TestServers;

class PolicyAttachmentFlowOnH2Test extends PolicyAttachmentFlowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
