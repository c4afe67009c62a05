package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class RegistryPolicyScenariosOnH2Test extends RegistryPolicyScenariosTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
