package dev.berth.server.rpc.sts;

import dev.berth.server.TestServers;

class GetCallerIdentityOnH2Test extends GetCallerIdentityTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
