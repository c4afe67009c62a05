package dev.berth.server.rpc.sts;

import dev.berth.server.TestServers;

class AssumeRoleFlowOnH2Test extends AssumeRoleFlowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
