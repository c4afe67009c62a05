package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class MalformedManifestsOnH2Test extends MalformedManifestsTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.H2;
    }
}
