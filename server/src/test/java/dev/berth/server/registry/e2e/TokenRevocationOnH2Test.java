package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class TokenRevocationOnH2Test extends TokenRevocationTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
