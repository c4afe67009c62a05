package dev.berth.iam.key;

import dev.berth.iam.secret.SealedSecret;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.policy.value.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A long-term AccessKey of the account itself ({@code userName} empty) or of one of its RAM users.
 * The secret is held sealed with the server's master key, never in plain text.
 */
public record AccessKey(
        AccessKeyId id,
        AccountId account,
        Optional<String> userName,
        SealedSecret secret,
        AccessKeyStatus status,
        Instant createdAt) {

    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean belongsToAccountRoot() {
        return userName.isEmpty();
    }

    public AccessKey withStatus(AccessKeyStatus newStatus) {
        return new AccessKey(id, account, userName, secret, newStatus, createdAt);
    }
}
