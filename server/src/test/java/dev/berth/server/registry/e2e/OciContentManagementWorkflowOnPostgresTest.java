package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class OciContentManagementWorkflowOnPostgresTest extends OciContentManagementWorkflowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
