package dev.berth.server.rpc.sts;

import dev.berth.server.TestServers;

class GetCallerIdentityOnPostgresTest extends GetCallerIdentityTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
