package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;

class OciConformanceSuiteOnPostgresTest extends OciConformanceSuiteTest {
    @Override
    TestServers.Backend backend() {
        return TestServers.Backend.POSTGRESQL;
    }
}
