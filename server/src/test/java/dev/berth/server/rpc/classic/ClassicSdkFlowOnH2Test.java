package dev.berth.server.rpc.classic;

import dev.berth.server.TestServers;

class ClassicSdkFlowOnH2Test extends ClassicSdkFlowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
