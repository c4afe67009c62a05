package dev.berth.policy.document;

import dev.berth.policy.match.Wildcard;
import java.util.List;

/**
 * The {@code Action}/{@code NotAction} or {@code Resource}/{@code NotResource} part of a statement:
 * the patterns and whether the list is negated. Action patterns are held in lower case.
 */
public record PatternList(boolean negated, List<Wildcard> patterns) {
    public PatternList {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("a pattern list must not be empty");
        }
    }

    /** Whether the part holds for {@code value} (already lower case for actions). */
    public boolean admits(String value) {
        for (Wildcard pattern : patterns) {
            if (pattern.matches(value)) {
                return !negated;
            }
        }
        return negated;
    }
}
