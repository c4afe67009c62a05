package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class MalformedRequestsOnH2Test extends MalformedRequestsTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
