package dev.berth.iam.policy;

import dev.berth.policy.value.AccountId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A custom policy (iam-api.md section 1): name 1-128 of {@code A-Za-z0-9-}, up to 5 versions
 * {@code v1}, {@code v2}, ..., exactly one of them the default, the one evaluated.
 */
public record CustomPolicy(AccountId account, String name, String description, String defaultVersion, int nextVersion,
                           Instant createdAt, Instant updatedAt) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]{1,128}");
    public static final int MAXIMUM_VERSIONS = 5;

    public CustomPolicy {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultVersion, "defaultVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!isName(name)) {
            throw new IllegalArgumentException("`PolicyName` must be 1 to 128 of `A-Za-z0-9-`, got `" + name + "`");
        }
    }

    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
