package dev.berth.server.rpc.cr;

import dev.berth.server.TestServers;

class ContainerRegistryApiFlowOnPostgresTest extends ContainerRegistryApiFlowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
