package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class MalformedUploadsOnH2Test extends MalformedUploadsTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
