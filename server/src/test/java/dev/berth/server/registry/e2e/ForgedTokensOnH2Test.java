package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class ForgedTokensOnH2Test extends ForgedTokensTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
