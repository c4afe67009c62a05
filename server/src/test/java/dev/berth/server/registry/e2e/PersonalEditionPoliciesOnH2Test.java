package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class PersonalEditionPoliciesOnH2Test extends PersonalEditionPoliciesTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
