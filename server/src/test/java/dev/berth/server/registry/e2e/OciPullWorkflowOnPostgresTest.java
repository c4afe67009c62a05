package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class OciPullWorkflowOnPostgresTest extends OciPullWorkflowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
