package dev.berth.registry.name;

import static dev.berth.registry.text.Shown.shown;

import java.util.regex.Pattern;

/**
 * A namespace name (registry.md section 1): 2-120 of {@code a-z0-9._-}, starting and ending with a
 * letter or digit, never starting with {@code cri-} (that prefix addresses instances).
 */
public record NamespaceName(String value) implements Comparable<NamespaceName> {
    private static final Pattern FORM = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0,118}[a-z0-9])");

    public NamespaceName {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidNameException("namespace `" + shown(String.valueOf(value))
                    + "` must be 2 to 120 of `a-z0-9._-`, starting and ending with a letter or digit");
        }
        if (value.startsWith("cri-")) {
            throw new InvalidNameException("namespace `" + value + "` may not start with `cri-`");
        }
    }

    @Override
    public int compareTo(NamespaceName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
