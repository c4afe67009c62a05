package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class EnterpriseEditionPolicyOnPostgresTest extends EnterpriseEditionPolicyTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
