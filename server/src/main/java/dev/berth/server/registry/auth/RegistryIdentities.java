package dev.berth.server.registry.auth;

import dev.berth.iam.account.Account;
import dev.berth.iam.key.AccessKey;
import dev.berth.iam.key.AccessKeyStatus;
import dev.berth.iam.role.Role;
import dev.berth.iam.role.RoleSession;
import dev.berth.iam.service.RegistryPasswords;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityTransaction;
import dev.berth.iam.user.RamUser;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.iam.value.UserName;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import dev.berth.server.registry.auth.SignInRefusedException.Reason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The identities behind registry credentials, looked up as they stand now (registry.md section 3):
 * a token proves who signed in, and this class says whether that identity still holds.
 */
public final class RegistryIdentities {
    private final IdentityStore store;
    private final RegistryPasswords passwords;

    public RegistryIdentities(IdentityStore store, RegistryPasswords passwords) {
        this.store = Objects.requireNonNull(store, "store");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    /** The identity store's generation (see {@link IdentityStore#generation()}). */
    public long generation() {
        return store.generation();
    }

    /**
     * The identity a token names, if it still holds: the account, user or role (same id) exists;
     * for a password, the password is still the one signed in with; for a temporary token, the
     * AccessKey that asked for it is still active and its owner's, or the role session has not
     * ended. {@link SignInRefusedException} with reason {@code REVOKED} otherwise.
     */
    public RegistryCaller.Identified recheck(TokenIdentity identity, Instant now) {
        Credential credential = identity.credential();
        Checked checked = store.inTransaction(transaction -> switch (identity.principal()) {
            case Principal.Account account -> checkAccount(transaction, account, credential);
            case Principal.RamUser user -> checkUser(transaction, user, credential);
            case Principal.RoleSession session -> checkSession(transaction, session, credential, now);
            case Principal.Service service -> throw revoked("a service does not sign in to the registry");
            case Principal.FederatedSession federated -> throw revoked("a federated session does not sign in to the registry");
        });
        if (credential.kind() == CredentialKind.REGISTRY_PASSWORD) {
            Optional<String> stamp = passwords.stamp(checked.account().id(), checked.user());
            if (!stamp.equals(Optional.of(credential.proof()))) {
                throw revoked("the registry password changed since the token was issued: sign in again");
            }
        }
        return new RegistryCaller.Identified(identity.principal(), checked.sessionPolicy(), checked.expiresAt(), credential);
    }

    /**
     * The identity of a signed RPC caller asking for a temporary token ({@code GetAuthorizationToken}):
     * {@code accessKeyId} is the key that signed the call, and the temporary token holds as long as it
     * does (for an STS key, no longer than its session).
     */
    public RegistryCaller.Identified ofSignedCaller(Principal caller, String accessKeyId, Instant now) {
        String principalId = store.inTransaction(transaction -> switch (caller) {
            case Principal.Account account -> account.account().value();
            case Principal.RamUser user -> userName(user.name()).flatMap(name -> transaction.users().find(user.account(), name))
                    .map(RamUser::id).orElseThrow(() -> revoked("user `" + user.name() + "` does not exist"));
            case Principal.RoleSession session -> transaction.roles().find(session.account(), session.role())
                    .map(Role::id).orElseThrow(() -> revoked("role `" + session.role() + "` does not exist"));
            case Principal.Service service -> throw revoked("a service cannot have a registry token");
            case Principal.FederatedSession federated -> throw revoked("a federated session cannot have a registry token");
        });
        return recheck(new TokenIdentity(caller, new Credential(CredentialKind.TEMPORARY_TOKEN, principalId, accessKeyId)), now);
    }

    /** What a check found: the principal's account and, for a user, its current name; a session's policy and end. */
    private record Checked(Account account, Optional<UserName> user, Optional<String> sessionPolicy, Optional<Instant> expiresAt) {
    }

    private static Checked checkAccount(IdentityTransaction transaction, Principal.Account caller, Credential credential) {
        Account account = transaction.accounts().find(caller.account())
                .filter(found -> found.id().value().equals(credential.principalId()))
                .orElseThrow(() -> revoked("account `" + caller.account() + "` does not exist"));
        if (credential.kind() == CredentialKind.TEMPORARY_TOKEN) {
            AccessKey key = activeKey(transaction, credential);
            if (!key.account().equals(account.id()) || !key.belongsToAccountRoot()) {
                throw revoked("AccessKey `" + key.id() + "` is not the account's");
            }
        }
        return new Checked(account, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Checked checkUser(IdentityTransaction transaction, Principal.RamUser caller, Credential credential) {
        Account account = existingAccount(transaction, caller.account());
        RamUser user = userName(caller.name()).flatMap(name -> transaction.users().find(caller.account(), name))
                .filter(found -> found.id().equals(credential.principalId()))
                .orElseThrow(() -> revoked("user `" + caller.name() + "` does not exist"));
        if (credential.kind() == CredentialKind.TEMPORARY_TOKEN) {
            AccessKey key = activeKey(transaction, credential);
            if (!key.account().equals(account.id()) || !key.userName().map(user.name().key()::equalsIgnoreCase).orElse(false)) {
                throw revoked("AccessKey `" + key.id() + "` is not user `" + user.name() + "`'s");
            }
        }
        return new Checked(account, Optional.of(user.name()), Optional.empty(), Optional.empty());
    }

    private static Checked checkSession(IdentityTransaction transaction, Principal.RoleSession caller, Credential credential,
                                        Instant now) {
        if (credential.kind() != CredentialKind.TEMPORARY_TOKEN) {
            throw revoked("a role session signs in with a temporary token only");
        }
        Account account = existingAccount(transaction, caller.account());
        RoleSession session = (AccessKeyId.isWellFormed(credential.proof())
                ? transaction.roles().findSession(new AccessKeyId(credential.proof())) : Optional.<RoleSession>empty())
                .filter(found -> found.account().equals(caller.account()) && found.roleName().equalsIgnoreCase(caller.role())
                        && found.sessionName().equals(caller.session()))
                .orElseThrow(() -> revoked("the role session of `" + caller.role() + "` no longer exists"));
        if (!now.isBefore(session.expiresAt())) {
            throw revoked("the role session expired at " + session.expiresAt());
        }
        transaction.roles().find(caller.account(), session.roleName())
                .filter(role -> role.id().equals(credential.principalId()))
                .orElseThrow(() -> revoked("role `" + caller.role() + "` does not exist"));
        return new Checked(account, Optional.empty(), session.sessionPolicy(), Optional.of(session.expiresAt()));
    }

    private static Account existingAccount(IdentityTransaction transaction, AccountId id) {
        return transaction.accounts().find(id).orElseThrow(() -> revoked("account `" + id + "` does not exist"));
    }

    private static AccessKey activeKey(IdentityTransaction transaction, Credential credential) {
        String id = credential.proof();
        AccessKey key = (AccessKeyId.isWellFormed(id) ? transaction.accessKeys().find(new AccessKeyId(id)) : Optional.<AccessKey>empty())
                .orElseThrow(() -> revoked("AccessKey `" + id + "` no longer exists"));
        if (key.status() != AccessKeyStatus.Active) {
            throw revoked("AccessKey `" + id + "` is inactive");
        }
        return key;
    }

    private static Optional<UserName> userName(String name) {
        try {
            return Optional.of(new UserName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SignInRefusedException revoked(String message) {
        return new SignInRefusedException(Reason.REVOKED, message);
    }
}
