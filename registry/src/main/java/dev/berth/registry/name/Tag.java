package dev.berth.registry.name;

import static dev.berth.registry.text.Shown.shown;

import java.util.regex.Pattern;

/** A tag (OCI distribution-spec): {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}. */
public record Tag(String value) implements Reference, Comparable<Tag> {
    private static final Pattern FORM = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    public Tag {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidNameException("tag `" + shown(String.valueOf(value))
                    + "` must be 1 to 128 of `a-zA-Z0-9._-`, not starting with `.` or `-`");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    public boolean isLatest() {
        return value.equals("latest");
    }

    @Override
    public int compareTo(Tag other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
