package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class BadInputOnH2Test extends BadInputTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
