package dev.berth.policy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/** The {@code expect} object of a case: each field stated is compared with the same field of the output. */
final class Expectation {
    private Expectation() {
    }

    /**
     * Null when the case states no expectation; otherwise whether every stated field equals the
     * output's. A field the kind does not know is an invalid case, so that a typo cannot pass.
     */
    static Boolean check(JsonNode testCase, JsonNode output, Set<String> known) throws InvalidCaseException {
        JsonNode expect = testCase.get("expect");
        if (expect == null || expect.isNull()) {
            return null;
        }
        if (!expect.isObject()) {
            throw new InvalidCaseException("`expect` must be an object");
        }
        boolean met = true;
        for (Map.Entry<String, JsonNode> field : expect.properties()) {
            if (!known.contains(field.getKey())) {
                throw new InvalidCaseException("`expect` has unknown field `" + field.getKey() + "`; known: " + known);
            }
            JsonNode actual = output.get(field.getKey());
            met &= actual != null && actual.equals(field.getValue());
        }
        return met;
    }
}
