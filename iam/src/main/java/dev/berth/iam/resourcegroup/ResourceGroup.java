package dev.berth.iam.resourcegroup;

import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** A resource group: {@code rg-} id, a name (2-50 of {@code a-z0-9-}, unique in the account) and a display name. */
public record ResourceGroup(AccountId account, ResourceGroupId id, String name, String displayName, boolean isDefault,
                            Instant createdAt) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,49}");

    public ResourceGroup {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!isName(name)) {
            throw new IllegalArgumentException("`Name` must be 2 to 50 of `a-z0-9-`, starting with a letter or digit, got `" + name + "`");
        }
    }

    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
