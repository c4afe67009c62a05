package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class AbandonedUploadsOnH2Test extends AbandonedUploadsTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
