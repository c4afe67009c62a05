package dev.berth.server.registry.auth;

import java.util.Objects;

/**
 * What a caller's identity is re-checked against on every request, so that deleting a user,
 * changing its password, deactivating a key or ending a role session takes effect on tokens
 * already issued (registry.md section 3).
 *
 * @param kind        how the caller signed in
 * @param principalId what stays the same while the identity does: the account id, the RAM user's
 *                    id, or the role's id (a user or role deleted and made again under the same
 *                    name has another id)
 * @param proof       the credential's current form: for {@link CredentialKind#REGISTRY_PASSWORD} the
 *                    stamp of the password's stored hash (it changes with the password); for
 *                    {@link CredentialKind#TEMPORARY_TOKEN} the AccessKeyId that signed the
 *                    {@code GetAuthorizationToken} call (a long-term key must still be active; an
 *                    STS key names the role session, whose policy and expiry apply)
 */
public record Credential(CredentialKind kind, String principalId, String proof) {
    public Credential {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(proof, "proof");
        if (principalId.isEmpty() || proof.isEmpty()) {
            throw new IllegalArgumentException("a credential needs a principal id and a proof");
        }
    }
}
