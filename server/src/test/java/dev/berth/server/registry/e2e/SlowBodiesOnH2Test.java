package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class SlowBodiesOnH2Test extends SlowBodiesTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
