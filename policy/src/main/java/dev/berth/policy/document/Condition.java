package dev.berth.policy.document;

import dev.berth.policy.condition.ConditionTest;
import dev.berth.policy.condition.RequestContext;
import java.util.Comparator;
import java.util.List;

/**
 * A statement's condition block: every test must hold (an empty block always holds). The tests
 * are kept cheapest first, which changes nothing of the answer, since all must hold.
 */
public record Condition(List<ConditionTest> tests) {
    public static final Condition NONE = new Condition(List.of());

    public Condition {
        tests = tests.stream().sorted(Comparator.comparingInt(Condition::cost)).toList();
    }

    private static int cost(ConditionTest test) {
        return switch (test.operator().family()) {
            case BOOLEAN -> 0;
            case STRING, STRING_IGNORE_CASE -> 1;
            case ADDRESS -> 2;
            case DATE -> 3;
            case NUMERIC -> 4;
            case STRING_LIKE -> 5;
        };
    }

    public boolean holds(RequestContext context) {
        for (int i = 0, n = tests.size(); i < n; i++) {
            if (!tests.get(i).holds(context)) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return tests.isEmpty();
    }
}
