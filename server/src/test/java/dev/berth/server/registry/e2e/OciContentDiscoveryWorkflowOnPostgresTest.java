package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class OciContentDiscoveryWorkflowOnPostgresTest extends OciContentDiscoveryWorkflowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
