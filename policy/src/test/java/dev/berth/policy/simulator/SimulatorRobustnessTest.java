package dev.berth.policy.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever a case file holds, the simulator answers with lines or an unreadable-file result, never an exception. */
class SimulatorRobustnessTest {
    private static final List<String> KEYS = List.of("name", "kind", "principal", "policies", "sessionPolicy", "request",
            "expect", "caller", "callerPolicies", "role", "context", "documentKind", "document", "type", "account", "role",
            "session", "service", "action", "resource", "resourceGroup", "scope", "arn", "trustPolicy", "decision", "valid");
    private static final List<String> SCALARS = List.of("\"evaluate\"", "\"assumeRole\"", "\"validate\"", "\"RAMUser\"",
            "\"AssumedRole\"", "\"Account\"", "\"Service\"", "\"1234567890123456\"", "\"abc\"", "\"\"", "\"cr:PullRepository\"",
            "\"acs:ram::1234567890123456:role/r\"", "\"identity\"", "\"trust\"", "\"Allow\"", "1", "true", "null",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
            "\"" + "x".repeat(3000) + "\"");

    @Test
    void generatedCasesNeverThrow() {
        Random random = new Random(31L);
        int answered = 0;
        for (int round = 0; round < 20_000; round++) {
            String file = "{\"cases\":[" + value(random, 0, true) + "]}";
            Simulator.Run run = Simulator.run(file, result -> assertThat(result.line().get("pass")).isNotNull());
            assertThat(run.exitCode()).isIn(Simulator.ALL_MET, Simulator.SOME_UNMET);
            answered += run.results().size();
        }
        assertThat(answered).isEqualTo(20_000);
    }

    @Test
    void aFileWithoutCasesIsUnreadable() {
        assertThat(Simulator.run("[]", result -> { }).exitCode()).isEqualTo(Simulator.UNREADABLE);
        assertThat(Simulator.run("{\"cases\": {}}", result -> { }).exitCode()).isEqualTo(Simulator.UNREADABLE);
        assertThat(Simulator.run("", result -> { }).exitCode()).isEqualTo(Simulator.UNREADABLE);
        assertThat(Simulator.run("{\"cases\": []} []", result -> { }).exitCode()).isEqualTo(Simulator.UNREADABLE);
    }

    private static String value(Random random, int depth, boolean object) {
        if (object || (depth < 4 && random.nextInt(3) == 0)) {
            List<String> keys = new ArrayList<>(new LinkedHashSet<>(KEYS));
            Collections.shuffle(keys, random);
            StringBuilder builder = new StringBuilder("{");
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                builder.append('"').append(keys.get(i)).append("\":").append(value(random, depth + 1, false));
                if (i < count - 1) {
                    builder.append(',');
                }
            }
            return builder.append('}').toString();
        }
        if (depth < 4 && random.nextInt(4) == 0) {
            StringBuilder builder = new StringBuilder("[");
            int count = random.nextInt(3);
            for (int i = 0; i < count; i++) {
                builder.append(value(random, depth + 1, false));
                if (i < count - 1) {
                    builder.append(',');
                }
            }
            return builder.append(']').toString();
        }
        return SCALARS.get(random.nextInt(SCALARS.size()));
    }
}
