package dev.berth.iam.user;

import dev.berth.iam.value.UserName;
import dev.berth.policy.value.AccountId;
import java.time.Instant;
import java.util.Objects;

/** A RAM user of an account (iam-api.md section 1). Optional text fields are empty strings when unset. */
public record RamUser(
        AccountId account,
        String id,
        UserName name,
        String displayName,
        String email,
        String mobilePhone,
        String comments,
        Instant createdAt,
        Instant updatedAt) {

    public RamUser {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(mobilePhone, "mobilePhone");
        Objects.requireNonNull(comments, "comments");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
