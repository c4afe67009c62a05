package dev.berth.server.rpc.ram;

import dev.berth.server.TestServers;

class PolicyAttachmentFlowOnPostgresTest extends PolicyAttachmentFlowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
