package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class MalformedManifestsOnPostgresTest extends MalformedManifestsTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
