package dev.berth.iam.value;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A RAM user's name (iam-api.md section 1): 1-64 of {@code A-Za-z0-9._-}, unique case-insensitively. */
public record UserName(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public UserName {
        Objects.requireNonNull(value, "value");
        if (!SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("`UserName` must be 1 to 64 of `A-Za-z0-9._-`, got `" + value + "`");
        }
    }

    /** The form names are compared and stored unique in. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
