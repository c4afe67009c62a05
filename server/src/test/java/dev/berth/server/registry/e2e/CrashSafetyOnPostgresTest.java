package dev.berth.server.registry.e2e;

import dev.berth.server.TestServers;
import java.util.Map;

class CrashSafetyOnPostgresTest extends CrashSafetyTest {
    @Override
    Map<String, String> metadataEnvironment() throws Exception {
        return Map.of("BERTH_METADATA_URL", TestServers.freshPostgresDatabase(), "BERTH_METADATA_USER",
                System.getenv("BERTH_TEST_POSTGRES_USER"));
    }
}
