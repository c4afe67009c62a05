package dev.berth.server.rpc.classic;

import dev.berth.server.TestServers;

class ClassicSdkFlowOnPostgresTest extends ClassicSdkFlowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
