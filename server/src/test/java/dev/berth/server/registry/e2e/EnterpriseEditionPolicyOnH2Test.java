package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class EnterpriseEditionPolicyOnH2Test extends EnterpriseEditionPolicyTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
