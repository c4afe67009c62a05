package dev.berth.iam.account;

import dev.berth.policy.value.AccountId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The tenant (iam-api.md section 1): a 16-digit id and an optional alias of 3-64 of {@code a-z0-9-}. */
public record Account(AccountId id, Optional<String> alias, Instant createdAt) {
    private static final Pattern ALIAS = Pattern.compile("[a-z0-9-]{3,64}");

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(createdAt, "createdAt");
        alias.ifPresent(Account::requireAlias);
    }

    public static void requireAlias(String alias) {
        if (!ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("account alias must be 3 to 64 of `a-z0-9-`, got `" + alias + "`");
        }
    }

    /** A new random id: 16 digits, the first not zero. */
    public static AccountId newId(SecureRandom random) {
        StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
        for (int i = 1; i < 16; i++) {
            digits.append(random.nextInt(10));
        }
        return new AccountId(digits.toString());
    }
}
