package dev.berth.policy.condition;

import dev.berth.policy.match.Wildcard;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * One operator applied to one key with its listed values, compiled (policy.md section 3). The
 * listed values are read when the policy is parsed; request values are read on each test, and a
 * request value that cannot be read as the operator's type matches no listed value.
 */
public final class ConditionTest {
    private static final Optional<Boolean> TRUE = Optional.of(Boolean.TRUE);
    private static final Optional<Boolean> FALSE = Optional.of(Boolean.FALSE);

    private final ConditionOperator operator;
    private final String key;
    private final String normalizedKey;
    private final Object[] listed;

    private ConditionTest(ConditionOperator operator, String key, Object[] listed) {
        this.operator = operator;
        this.key = key;
        this.normalizedKey = RequestContext.normalize(key);
        this.listed = listed;
    }

    /**
     * Compiles a test from the textual form of each listed value (a JSON number or boolean is read as
     * its text), or explains which value cannot be read.
     */
    public static Compiled compile(ConditionOperator operator, String key, List<String> values) {
        Objects.requireNonNull(operator, "operator");
        Object[] listed = new Object[values.size()];
        for (int i = 0; i < listed.length; i++) {
            String value = values.get(i);
            Optional<?> read = readListed(operator.family(), value);
            if (read.isEmpty()) {
                return new Compiled.Refused(value, describe(operator.family()));
            }
            listed[i] = read.get();
        }
        return new Compiled.Accepted(new ConditionTest(operator, key, listed));
    }

    /** The outcome of {@link #compile}. */
    public sealed interface Compiled {
        record Accepted(ConditionTest test) implements Compiled {
        }

        /** {@code value} is not {@code expected}, e.g. "an IP address or CIDR block". */
        record Refused(String value, String expected) implements Compiled {
        }
    }

    public boolean holds(RequestContext context) {
        ContextValue value = context.valueOf(normalizedKey);
        if (value == null) {
            return operator.negated();
        }
        return matchesAnyListed(value) != operator.negated();
    }

    public ConditionOperator operator() {
        return operator;
    }

    public String key() {
        return key;
    }

    /** Whether any request value matches any listed value. */
    private boolean matchesAnyListed(ContextValue value) {
        return switch (operator.family()) {
            case STRING -> anyText(value.texts(), (text, listedValue) -> text.equals(listedValue));
            case STRING_IGNORE_CASE -> anyText(value.texts(), (text, listedValue) -> text.equalsIgnoreCase((String) listedValue));
            case STRING_LIKE -> anyText(value.texts(), (text, listedValue) -> ((Wildcard) listedValue).matches(text));
            case NUMERIC -> anyOrdered(value.numbers());
            case DATE -> anyOrdered(value.dates());
            case BOOLEAN -> anyText(value.texts(), (text, listedValue) -> listedValue.equals(readBoolean(text).orElse(null)));
            case ADDRESS -> anyAddress(value.addresses());
        };
    }

    private boolean anyText(List<String> texts, BiPredicate<String, Object> test) {
        for (int i = 0, n = texts.size(); i < n; i++) {
            for (Object candidate : listed) {
                if (test.test(texts.get(i), candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private <T extends Comparable<T>> boolean anyOrdered(T[] values) {
        ConditionOperator.Comparison comparison = operator.comparison();
        for (T value : values) {
            if (value == null) {
                continue;
            }
            for (Object candidate : listed) {
                if (comparison.accepts(value.compareTo((T) candidate))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean anyAddress(IpBlock[] addresses) {
        for (IpBlock address : addresses) {
            if (address == null) {
                continue;
            }
            for (Object candidate : listed) {
                if (((IpBlock) candidate).contains(address)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<?> readListed(ConditionOperator.Family family, String value) {
        return switch (family) {
            case STRING, STRING_IGNORE_CASE -> Optional.of(value);
            case STRING_LIKE -> Optional.of(Wildcard.compile(value));
            case NUMERIC -> Decimal.parse(value);
            case DATE -> Timestamp.parse(value);
            case BOOLEAN -> readBoolean(value);
            case ADDRESS -> IpBlock.parse(value);
        };
    }

    private static String describe(ConditionOperator.Family family) {
        return switch (family) {
            case STRING, STRING_IGNORE_CASE, STRING_LIKE -> "a string";
            case NUMERIC -> "a number";
            case DATE -> "an ISO 8601 date";
            case BOOLEAN -> "`true` or `false`";
            case ADDRESS -> "an IP address or CIDR block";
        };
    }

    private static Optional<Boolean> readBoolean(String value) {
        if ("true".equalsIgnoreCase(value)) {
            return TRUE;
        }
        return "false".equalsIgnoreCase(value) ? FALSE : Optional.empty();
    }

    @Override
    public String toString() {
        return operator + "(" + key + ")";
    }
}
