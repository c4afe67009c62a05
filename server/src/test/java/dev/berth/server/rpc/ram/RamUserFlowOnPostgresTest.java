package dev.berth.server.rpc.ram;

import dev.berth.server.TestServers;

class RamUserFlowOnPostgresTest extends RamUserFlowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
