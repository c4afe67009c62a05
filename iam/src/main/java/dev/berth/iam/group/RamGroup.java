package dev.berth.iam.group;

import dev.berth.policy.value.AccountId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A group of RAM users (iam-api.md section 1): name 1-64 of {@code A-Za-z0-9.-}; a user is in at most 10. */
public record RamGroup(AccountId account, String id, String name, String comments, Instant createdAt, Instant updatedAt) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.-]{1,64}");

    public RamGroup {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(comments, "comments");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!isName(name)) {
            throw new IllegalArgumentException("`GroupName` must be 1 to 64 of `A-Za-z0-9.-`, got `" + name + "`");
        }
    }

    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
