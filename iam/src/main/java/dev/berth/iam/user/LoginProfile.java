package dev.berth.iam.user;

import dev.berth.policy.value.AccountId;
import java.time.Instant;
import java.util.Objects;

/** A RAM user's console login (iam-api.md section 4); the password's hash is kept apart. */
public record LoginProfile(AccountId account, String userName, boolean passwordResetRequired, boolean mfaBindRequired,
                           Instant createdAt) {
    public LoginProfile {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
