package dev.berth.server.registry.e2e;

import java.util.Map;

class CrashSafetyOnH2Test extends CrashSafetyTest {
    @Override
    Map<String, String> metadataEnvironment() {
        return Map.of();
    }
}
