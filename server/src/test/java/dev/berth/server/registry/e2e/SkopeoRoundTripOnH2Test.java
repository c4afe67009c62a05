package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class SkopeoRoundTripOnH2Test extends SkopeoRoundTripTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
