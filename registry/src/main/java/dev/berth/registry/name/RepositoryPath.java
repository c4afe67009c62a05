package dev.berth.registry.name;

import static dev.berth.registry.text.Shown.shown;

import java.util.regex.Pattern;

/**
 * A repository's name inside its namespace (registry.md section 1): one or more OCI path components
 * separated by {@code /}, 2-64 characters ({@code team/app} in {@code juzhong/team/app}).
 */
public record RepositoryPath(String value) implements Comparable<RepositoryPath> {
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*");
    private static final Pattern FORM = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");

    public RepositoryPath {
        if (value == null || value.length() < 2 || value.length() > 64) {
            throw new InvalidNameException("repository `" + shown(String.valueOf(value))
                    + "` must be 2 to 64 characters");
        }
        if (!FORM.matcher(value).matches()) {
            throw new InvalidNameException("repository `" + shown(value)
                    + "` must be path components of `a-z0-9` joined by `.`, `_`, `__` or dashes, separated by `/`");
        }
    }

    @Override
    public int compareTo(RepositoryPath other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
