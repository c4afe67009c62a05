package dev.berth.policy.condition;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Numbers of the numeric operators: integers or decimals, with an optional sign and exponent. */
final class Decimal {
    private static final Pattern SYNTAX = Pattern.compile("[+-]?[0-9]{1,400}(\\.[0-9]{1,400})?([eE][+-]?[0-9]{1,6})?");
    private static final int LONG_DIGITS = 18;

    private Decimal() {
    }

    /** Reads {@code text} as a number; empty when it is not one. */
    static Optional<BigDecimal> parse(String text) {
        if (text.isEmpty() || text.length() > 820) {
            return Optional.empty();
        }
        if (text.length() <= LONG_DIGITS && isPlainInteger(text)) {
            return Optional.of(BigDecimal.valueOf(Long.parseLong(text)));
        }
        if (!SYNTAX.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }

    private static boolean isPlainInteger(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
