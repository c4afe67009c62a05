package dev.berth.iam.service;

import dev.berth.iam.IamException;
import dev.berth.iam.account.Account;
import dev.berth.iam.secret.PasswordHasher;
import dev.berth.iam.secret.PasswordThrottle;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityTransaction;
import dev.berth.iam.store.PasswordKind;
import dev.berth.iam.user.RamUser;
import dev.berth.iam.value.UserName;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Registry passwords (registry.md section 4, iam-api.md section 5): one for the account itself and
 * one for each RAM user, separate from the console password, hashed, compared in constant time,
 * and throttled after repeated wrong attempts. A role never has one.
 */
public final class RegistryPasswords {
    private static final int STAMP_LENGTH = 16;

    private final IdentityStore store;
    private final PasswordHasher hasher;
    private final PasswordThrottle throttle;
    private final String decoy;

    public RegistryPasswords(IdentityStore store, PasswordHasher hasher, PasswordThrottle throttle) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.decoy = hasher.hash("no identity has this password");
    }

    /**
     * A password that matched: who it belongs to ({@code user} empty for the account itself) and
     * the stamp of the stored hash, which changes whenever the password does.
     */
    public record Match(AccountId account, Optional<RamUser> user, String stamp) {
        public Match {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(stamp, "stamp");
        }
    }

    /**
     * Sets or replaces the registry password of the account ({@code user} empty) or of one of its
     * RAM users, which must exist. The password must be 8 to 32 characters with at least two of
     * letters, digits and symbols.
     */
    public void set(AccountId account, Optional<UserName> user, String password) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(user, "user");
        LoginProfiles.requireStrong(Objects.requireNonNull(password, "password"));
        String hash = hasher.hash(password);
        store.inTransaction(transaction -> {
            Optional<String> storedName = owner(transaction, account, user);
            transaction.passwords().set(account, storedName, PasswordKind.REGISTRY, hash);
            return null;
        });
    }

    /** The caller sets its own password ({@code ResetLoginPassword}): the account and RAM users may, nobody else. */
    public void setOwn(Principal caller, String password) {
        switch (caller) {
            case Principal.Account account -> set(account.account(), Optional.empty(), password);
            case Principal.RamUser user -> set(user.account(), Optional.of(new UserName(user.name())), password);
            case Principal.RoleSession session -> throw new IamException(IamException.Kind.NOT_PERMITTED, "RegistryPassword",
                    "a role session cannot have a registry password: role `" + session.role() + "`");
            case Principal.Service service -> throw new IamException(IamException.Kind.NOT_PERMITTED, "RegistryPassword",
                    "a service cannot have a registry password");
            case Principal.FederatedSession federated -> throw new IamException(IamException.Kind.NOT_PERMITTED, "RegistryPassword",
                    "a federated session cannot have a registry password");
        }
    }

    /**
     * Checks a registry password in constant time; empty when it is wrong, or when the identity does
     * not exist or has no registry password (which costs the same time). After repeated wrong
     * passwords for an existing identity, every attempt is refused with {@code THROTTLED} until the
     * throttle's window has passed, right password or not.
     */
    public Optional<Match> verify(AccountId account, Optional<UserName> user, String password, Instant now) {
        return check(Optional.of(account), user, password, now);
    }

    /**
     * {@link #verify(AccountId, Optional, String, Instant)} for an account named as people sign in:
     * by its id, or else by its alias in any case.
     */
    public Optional<Match> verify(String accountIdOrAlias, Optional<UserName> user, String password, Instant now) {
        Objects.requireNonNull(accountIdOrAlias, "accountIdOrAlias");
        Optional<AccountId> account = store.inTransaction(transaction -> accountNamed(transaction, accountIdOrAlias));
        return check(account, user, password, now);
    }

    private Optional<Match> check(Optional<AccountId> account, Optional<UserName> user, String password, Instant now) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Optional<String> identity = account.map(id -> throttleKey(id, user));
        if (identity.isPresent() && !throttle.allows(identity.get(), now)) {
            throw new IamException(IamException.Kind.THROTTLED, "RegistryPassword", "too many wrong passwords: try again later");
        }
        Stored stored = account.map(id -> store.inTransaction(transaction -> stored(transaction, id, user)))
                .orElse(new Stored(false, Optional.empty(), Optional.empty()));
        boolean right = hasher.verify(password, stored.hash().orElse(decoy)) && stored.hash().isPresent();
        if (!right) {
            if (stored.exists()) {
                throttle.failed(identity.orElseThrow(), now);
            }
            return Optional.empty();
        }
        throttle.succeeded(identity.orElseThrow());
        return Optional.of(new Match(account.orElseThrow(), stored.user(), stamp(stored.hash().get())));
    }

    /** The stamp of the current registry password of the account or user; empty when it has none. */
    public Optional<String> stamp(AccountId account, Optional<UserName> user) {
        return store.inTransaction(transaction -> stored(transaction, account, user)).hash().map(RegistryPasswords::stamp);
    }

    private record Stored(boolean exists, Optional<RamUser> user, Optional<String> hash) {
    }

    private static Stored stored(IdentityTransaction transaction, AccountId account, Optional<UserName> user) {
        if (transaction.accounts().find(account).isEmpty()) {
            return new Stored(false, Optional.empty(), Optional.empty());
        }
        if (user.isEmpty()) {
            return new Stored(true, Optional.empty(), transaction.passwords().find(account, Optional.empty(), PasswordKind.REGISTRY));
        }
        Optional<RamUser> found = transaction.users().find(account, user.get());
        if (found.isEmpty()) {
            return new Stored(false, Optional.empty(), Optional.empty());
        }
        return new Stored(true, found, transaction.passwords().find(account, Optional.of(found.get().name().value()), PasswordKind.REGISTRY));
    }

    private static Optional<AccountId> accountNamed(IdentityTransaction transaction, String idOrAlias) {
        if (!idOrAlias.isEmpty() && idOrAlias.length() <= 32 && idOrAlias.chars().allMatch(c -> c >= '0' && c <= '9')) {
            Optional<Account> byId = transaction.accounts().find(new AccountId(idOrAlias));
            if (byId.isPresent()) {
                return Optional.of(byId.get().id());
            }
        }
        String alias = idOrAlias.toLowerCase(Locale.ROOT);
        return transaction.accounts().list().stream().filter(account -> account.alias().equals(Optional.of(alias)))
                .map(Account::id).findFirst();
    }

    /** The stored form of the owner's name: empty for the account, the user's name as stored otherwise. */
    private static Optional<String> owner(IdentityTransaction transaction, AccountId account, Optional<UserName> user) {
        if (transaction.accounts().find(account).isEmpty()) {
            throw new IamException(IamException.Kind.NOT_FOUND, "Account", "account `" + account + "` does not exist");
        }
        return user.map(name -> Users.existing(transaction, account, name).name().value());
    }

    private static String throttleKey(AccountId account, Optional<UserName> user) {
        return "registry " + account + user.map(name -> "/" + name.key()).orElse("");
    }

    private static String stamp(String hash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(hash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, STAMP_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
