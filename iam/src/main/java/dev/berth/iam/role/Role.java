package dev.berth.iam.role;

import dev.berth.policy.value.AccountId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A role (iam-api.md section 1): name 1-64 of {@code A-Za-z0-9.-}, a trust policy, and the longest
 * session it grants, 3600 to 43200 seconds.
 */
public record Role(AccountId account, String id, String name, String description, String trustPolicy, int maxSessionDuration,
                   Instant createdAt, Instant updatedAt) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.-]{1,64}");
    public static final int DEFAULT_MAX_SESSION = 3600;
    public static final int LONGEST_MAX_SESSION = 43_200;

    public Role {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!isName(name)) {
            throw new IllegalArgumentException("`RoleName` must be 1 to 64 of `A-Za-z0-9.-`, got `" + name + "`");
        }
    }

    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    public String arn() {
        return "acs:ram::" + account + ":role/" + name;
    }
}
