package dev.berth.policy.condition;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The condition operators of policy.md section 3. Negated operators hold when no request value
 * matches any listed value, and so hold when the key is absent.
 */
public enum ConditionOperator {
    StringEquals(Family.STRING, Comparison.EQUAL, false),
    StringNotEquals(Family.STRING, Comparison.EQUAL, true),
    StringEqualsIgnoreCase(Family.STRING_IGNORE_CASE, Comparison.EQUAL, false),
    StringNotEqualsIgnoreCase(Family.STRING_IGNORE_CASE, Comparison.EQUAL, true),
    StringLike(Family.STRING_LIKE, Comparison.EQUAL, false),
    StringNotLike(Family.STRING_LIKE, Comparison.EQUAL, true),
    NumericEquals(Family.NUMERIC, Comparison.EQUAL, false),
    NumericNotEquals(Family.NUMERIC, Comparison.EQUAL, true),
    NumericLessThan(Family.NUMERIC, Comparison.LESS, false),
    NumericLessThanEquals(Family.NUMERIC, Comparison.LESS_OR_EQUAL, false),
    NumericGreaterThan(Family.NUMERIC, Comparison.GREATER, false),
    NumericGreaterThanEquals(Family.NUMERIC, Comparison.GREATER_OR_EQUAL, false),
    DateEquals(Family.DATE, Comparison.EQUAL, false),
    DateNotEquals(Family.DATE, Comparison.EQUAL, true),
    DateLessThan(Family.DATE, Comparison.LESS, false),
    DateLessThanEquals(Family.DATE, Comparison.LESS_OR_EQUAL, false),
    DateGreaterThan(Family.DATE, Comparison.GREATER, false),
    DateGreaterThanEquals(Family.DATE, Comparison.GREATER_OR_EQUAL, false),
    Bool(Family.BOOLEAN, Comparison.EQUAL, false),
    IpAddress(Family.ADDRESS, Comparison.EQUAL, false),
    NotIpAddress(Family.ADDRESS, Comparison.EQUAL, true);

    /** What a listed value is read as. */
    public enum Family { STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOLEAN, ADDRESS }

    /** How a request value is compared with a listed value. */
    public enum Comparison {
        EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL;

        /** Whether {@code request <op> listed}, given {@code request.compareTo(listed)}. */
        public boolean accepts(int order) {
            return switch (this) {
                case EQUAL -> order == 0;
                case LESS -> order < 0;
                case LESS_OR_EQUAL -> order <= 0;
                case GREATER -> order > 0;
                case GREATER_OR_EQUAL -> order >= 0;
            };
        }
    }

    private static final Map<String, ConditionOperator> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final Family family;
    private final Comparison comparison;
    private final boolean negated;

    ConditionOperator(Family family, Comparison comparison, boolean negated) {
        this.family = family;
        this.comparison = comparison;
        this.negated = negated;
    }

    /** The operator of that exact name: operator names are case-sensitive. */
    public static Optional<ConditionOperator> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public Family family() {
        return family;
    }

    public Comparison comparison() {
        return comparison;
    }

    public boolean negated() {
        return negated;
    }
}
