package dev.berth.server.rpc.cr;

import dev.berth.server.TestServers;

class ContainerRegistryApiFlowOnH2Test extends ContainerRegistryApiFlowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
