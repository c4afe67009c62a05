package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class PersonalEditionPoliciesOnPostgresTest extends PersonalEditionPoliciesTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
