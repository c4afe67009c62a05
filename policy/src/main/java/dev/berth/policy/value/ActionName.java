package dev.berth.policy.value;

import java.util.Locale;
import java.util.Objects;

/**
 * The action of a request, such as {@code cr:PullRepository}. Actions match case-insensitively
 * (policy.md section 2), so the lower-case form is kept beside the original.
 */
public record ActionName(String value, String normalized) {
    /** Longer than any action of any service (ours). */
    public static final int MAXIMUM_LENGTH = 256;

    public ActionName {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("action must be 1 to " + MAXIMUM_LENGTH + " characters");
        }
        if (!normalized.equals(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("normalized action must be the lower-case value");
        }
    }

    public static ActionName of(String value) {
        Objects.requireNonNull(value, "value");
        return new ActionName(value, value.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
