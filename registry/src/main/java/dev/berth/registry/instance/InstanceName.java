package dev.berth.registry.instance;

import java.util.regex.Pattern;

/** An instance name (registry.md section 1): 3-30 of {@code a-z0-9-}; unique in the region, as it makes a host name. */
public record InstanceName(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z0-9-]{3,30}");

    public InstanceName {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("`InstanceName` must be 3 to 30 of `a-z0-9-`, got `" + value + "`");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
