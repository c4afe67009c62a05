package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class RegistryPolicyScenariosOnPostgresTest extends RegistryPolicyScenariosTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
