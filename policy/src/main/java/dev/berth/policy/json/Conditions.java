package dev.berth.policy.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.policy.condition.ConditionOperator;
import dev.berth.policy.condition.ConditionTest;
import dev.berth.policy.document.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a statement's {@code Condition} block (policy.md section 3). */
final class Conditions {
    private Conditions() {
    }

    static Condition read(JsonNode node, String where, Problems problems) {
        if (node == null) {
            return Condition.NONE;
        }
        if (!node.isObject()) {
            problems.add(where, "`Condition` must be an object, got " + JsonText.describe(node));
            return Condition.NONE;
        }
        List<ConditionTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> block : node.properties()) {
            Optional<ConditionOperator> operator = ConditionOperator.named(block.getKey());
            if (operator.isEmpty()) {
                problems.add(where, "unknown condition operator " + Problems.quote(block.getKey()));
                continue;
            }
            readOperator(operator.get(), block.getValue(), where, problems, tests);
        }
        return new Condition(tests);
    }

    private static void readOperator(ConditionOperator operator, JsonNode keys, String where, Problems problems,
                                     List<ConditionTest> tests) {
        String at = where + ": condition `" + operator.name() + "`";
        if (!keys.isObject() || keys.isEmpty()) {
            problems.add(at, "must be an object of condition keys, got " + JsonText.describe(keys));
            return;
        }
        for (Map.Entry<String, JsonNode> entry : keys.properties()) {
            String key = entry.getKey();
            String keyAt = at + ", key " + Problems.quote(key);
            if (key.isBlank()) {
                problems.add(at, "condition key must not be empty");
                continue;
            }
            Optional<List<String>> values = readValues(entry.getValue(), keyAt, problems);
            if (values.isEmpty()) {
                continue;
            }
            switch (ConditionTest.compile(operator, key, values.get())) {
                case ConditionTest.Compiled.Accepted accepted -> tests.add(accepted.test());
                case ConditionTest.Compiled.Refused refused ->
                        problems.add(keyAt, Problems.quote(refused.value()) + " is not " + refused.expected());
            }
        }
    }

    /** A scalar or a non-empty array of scalars, each read as its text. */
    private static Optional<List<String>> readValues(JsonNode node, String where, Problems problems) {
        Optional<String> single = JsonText.scalarText(node);
        if (single.isPresent()) {
            return Optional.of(List.of(single.get()));
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(where, "value must be a string, number, boolean or a non-empty array of them, got "
                    + JsonText.describe(node));
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Optional<String> text = JsonText.scalarText(node.get(i));
            if (text.isEmpty()) {
                problems.add(where, "element " + i + " must be a string, number or boolean, got "
                        + JsonText.describe(node.get(i)));
                return Optional.empty();
            }
            values.add(text.get());
        }
        return Optional.of(values);
    }
}
