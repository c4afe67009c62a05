package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class TemporaryTokensOnH2Test extends TemporaryTokensTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
