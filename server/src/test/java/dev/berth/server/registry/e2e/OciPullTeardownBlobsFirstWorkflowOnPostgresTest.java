package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class OciPullTeardownBlobsFirstWorkflowOnPostgresTest extends OciPullTeardownBlobsFirstWorkflowTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
