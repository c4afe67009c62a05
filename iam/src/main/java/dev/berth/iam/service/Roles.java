package dev.berth.iam.service;

import dev.berth.iam.IamException;
import dev.berth.iam.policy.Attachment;
import dev.berth.iam.role.Role;
import dev.berth.iam.store.DuplicateEntityException;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityTransaction;
import dev.berth.policy.PolicyEngine;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.value.AccountId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Roles of an account with their trust policies (iam-api.md sections 1 and 4). */
public final class Roles {
    public static final int LIMIT = 1000;

    private final IdentityStore store;
    private final SecureRandom random;

    public Roles(IdentityStore store, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
    }

    public Role create(AccountId account, String name, String trustPolicy, String description, Optional<Integer> maxSession,
                       Instant now) {
        requireName(name);
        requireTrustPolicy(trustPolicy);
        Role role = new Role(account, String.valueOf(300_000_000_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 600_000_000_000_000_000L),
                name, description, trustPolicy, maxSession(maxSession.orElse(Role.DEFAULT_MAX_SESSION)), now, now);
        return store.inTransaction(transaction -> {
            if (transaction.roles().count(account) >= LIMIT) {
                throw new IamException(IamException.Kind.LIMIT_EXCEEDED, "Role", "the account has " + LIMIT + " roles, the most it may");
            }
            try {
                transaction.roles().insert(role);
            } catch (DuplicateEntityException e) {
                throw new IamException(IamException.Kind.ALREADY_EXISTS, "Role", "role `" + name + "` exists");
            }
            return role;
        });
    }

    public Role find(AccountId account, String name) {
        return store.inTransaction(transaction -> existing(transaction, account, name));
    }

    public List<Role> list(AccountId account) {
        return store.inTransaction(transaction -> transaction.roles().list(account));
    }

    /**
     * Changes a role. A new trust policy ends the role's sessions (registry.md section 3: a changed trust
     * policy counts on the next request, also for credentials and tokens already issued; a session does
     * not record who assumed it, so it cannot be judged again under the new policy).
     */
    public Role update(AccountId account, String name, Optional<String> trustPolicy, Optional<String> description,
                       Optional<Integer> maxSession, Instant now) {
        trustPolicy.ifPresent(Roles::requireTrustPolicy);
        return store.inTransaction(transaction -> {
            Role role = existing(transaction, account, name);
            Role updated = new Role(account, role.id(), role.name(), description.orElse(role.description()),
                    trustPolicy.orElse(role.trustPolicy()), maxSession.map(Roles::maxSession).orElse(role.maxSessionDuration()),
                    role.createdAt(), now);
            transaction.roles().update(updated);
            if (trustPolicy.isPresent() && !trustPolicy.get().equals(role.trustPolicy())) {
                transaction.roles().endSessions(account, role.name());
            }
            return updated;
        });
    }

    /** Deletes a role with no policy attached ({@code DeleteConflict.Role.Policy} otherwise); its sessions end with it. */
    public void delete(AccountId account, String name) {
        store.inTransaction(transaction -> {
            Role role = existing(transaction, account, name);
            if (!transaction.attachments().forPrincipal(account, Attachment.PrincipalType.Role, role.name()).isEmpty()) {
                throw new IamException(IamException.Kind.DELETE_CONFLICT, "Role.Policy",
                        "role `" + role.name() + "` still has policies attached: detach them first");
            }
            return transaction.roles().delete(account, role.name());
        });
    }

    static Role existing(IdentityTransaction transaction, AccountId account, String name) {
        return transaction.roles().find(account, name).orElseThrow(() ->
                new IamException(IamException.Kind.NOT_FOUND, "Role", "role `" + name + "` does not exist"));
    }

    private static int maxSession(int seconds) {
        if (seconds < Role.DEFAULT_MAX_SESSION || seconds > Role.LONGEST_MAX_SESSION) {
            throw new IamException(IamException.Kind.INVALID, "MaxSessionDuration",
                    "`MaxSessionDuration` must be 3600 to 43200 seconds, got " + seconds);
        }
        return seconds;
    }

    private static void requireName(String name) {
        if (!Role.isName(name)) {
            throw new IamException(IamException.Kind.INVALID, "RoleName", "`RoleName` must be 1 to 64 of `A-Za-z0-9.-`, got `"
                    + name + "`");
        }
    }

    private static void requireTrustPolicy(String document) {
        try {
            PolicyEngine.parse(document, DocumentKind.TRUST);
        } catch (MalformedPolicyDocumentException e) {
            throw new IamException(IamException.Kind.MALFORMED_POLICY_DOCUMENT, "AssumeRolePolicyDocument", e.getMessage());
        }
    }
}
