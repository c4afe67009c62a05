package dev.berth.policy.document;

import dev.berth.policy.condition.ConditionTest;
import dev.berth.policy.condition.RequestContext;
import java.util.List;

/** A statement's condition block: every test must hold (an empty block always holds). */
public record Condition(List<ConditionTest> tests) {
    public static final Condition NONE = new Condition(List.of());

    public Condition {
        tests = List.copyOf(tests);
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
