package dev.berth.server.rpc.ram;

import dev.berth.server.TestServers;

class RamUserFlowOnH2Test extends RamUserFlowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
