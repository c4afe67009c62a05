package dev.berth.iam.role;

import dev.berth.iam.secret.SealedSecret;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.policy.value.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Temporary credentials STS issued for a role (iam-api.md section 1): bound to the role, a name, a policy and an expiry. */
public record RoleSession(AccessKeyId accessKeyId, AccountId account, String roleName, String sessionName, SealedSecret secret,
                          String tokenHash, Optional<String> sessionPolicy, Instant createdAt, Instant expiresAt) {
    public RoleSession {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(sessionPolicy, "sessionPolicy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
