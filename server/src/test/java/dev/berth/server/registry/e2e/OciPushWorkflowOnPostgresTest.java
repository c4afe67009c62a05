package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class OciPushWorkflowOnPostgresTest extends OciPushWorkflowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
