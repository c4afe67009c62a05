package dev.berth.server.rpc.sts;

import dev.berth.server.TestServers;

class AssumeRoleFlowOnPostgresTest extends AssumeRoleFlowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
