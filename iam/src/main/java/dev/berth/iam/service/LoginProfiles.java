package dev.berth.iam.service;

import dev.berth.iam.IamException;
import dev.berth.iam.secret.PasswordHasher;
import dev.berth.iam.secret.PasswordThrottle;
import dev.berth.iam.store.DuplicateEntityException;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityTransaction;
import dev.berth.iam.store.PasswordKind;
import dev.berth.iam.user.LoginProfile;
import dev.berth.iam.user.RamUser;
import dev.berth.iam.value.UserName;
import dev.berth.policy.value.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Console passwords of RAM users (iam-api.md sections 4 and 5): hashed, checked in constant time, throttled. */
public final class LoginProfiles {
    private final IdentityStore store;
    private final PasswordHasher hasher;
    private final PasswordThrottle throttle;

    public LoginProfiles(IdentityStore store, PasswordHasher hasher, PasswordThrottle throttle) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    public LoginProfile create(AccountId account, UserName user, String password, boolean resetRequired, boolean mfaRequired,
                               Instant now) {
        requireStrong(password);
        String hash = hasher.hash(password);
        return store.inTransaction(transaction -> {
            RamUser existing = Users.existing(transaction, account, user);
            LoginProfile profile = new LoginProfile(account, existing.name().value(), resetRequired, mfaRequired, now);
            try {
                transaction.loginProfiles().insert(profile);
            } catch (DuplicateEntityException e) {
                throw new IamException(IamException.Kind.ALREADY_EXISTS, "User.LoginProfile",
                        "user `" + existing.name() + "` has a login profile");
            }
            transaction.passwords().set(account, Optional.of(existing.name().value()), PasswordKind.CONSOLE, hash);
            return profile;
        });
    }

    public LoginProfile find(AccountId account, UserName user) {
        return store.inTransaction(transaction -> existing(transaction, account, user));
    }

    public LoginProfile update(AccountId account, UserName user, Optional<String> password, Optional<Boolean> resetRequired,
                               Optional<Boolean> mfaRequired) {
        password.ifPresent(LoginProfiles::requireStrong);
        Optional<String> hash = password.map(hasher::hash);
        return store.inTransaction(transaction -> {
            LoginProfile profile = existing(transaction, account, user);
            LoginProfile updated = new LoginProfile(account, profile.userName(), resetRequired.orElse(profile.passwordResetRequired()),
                    mfaRequired.orElse(profile.mfaBindRequired()), profile.createdAt());
            transaction.loginProfiles().update(updated);
            hash.ifPresent(value -> transaction.passwords().set(account, Optional.of(profile.userName()), PasswordKind.CONSOLE, value));
            return updated;
        });
    }

    public void delete(AccountId account, UserName user) {
        store.inTransaction(transaction -> {
            LoginProfile profile = existing(transaction, account, user);
            transaction.passwords().delete(account, Optional.of(profile.userName()), PasswordKind.CONSOLE);
            return transaction.loginProfiles().delete(account, profile.userName());
        });
    }

    /** A user changes its own console password; a wrong old one counts towards the throttle. */
    public void changePassword(AccountId account, UserName user, String oldPassword, String newPassword, Instant now) {
        String identity = account + "/" + user.key();
        if (!throttle.allows(identity, now)) {
            throw new IamException(IamException.Kind.THROTTLED, "User", "too many wrong passwords: try again later");
        }
        Optional<String> hash = store.inTransaction(transaction ->
                transaction.passwords().find(account, Optional.of(user.value()), PasswordKind.CONSOLE));
        if (hash.isEmpty() || !hasher.verify(oldPassword, hash.get())) {
            throttle.failed(identity, now);
            throw new IamException(IamException.Kind.INVALID, "OldPassword", "the old password is wrong");
        }
        throttle.succeeded(identity);
        requireStrong(newPassword);
        String newHash = hasher.hash(newPassword);
        store.inTransaction(transaction -> {
            transaction.passwords().set(account, Optional.of(user.value()), PasswordKind.CONSOLE, newHash);
            return null;
        });
    }

    private static LoginProfile existing(IdentityTransaction transaction, AccountId account, UserName user) {
        RamUser existing = Users.existing(transaction, account, user);
        return transaction.loginProfiles().find(account, existing.name().value()).orElseThrow(() ->
                new IamException(IamException.Kind.NOT_FOUND, "User.LoginProfile", "user `" + existing.name() + "` has no login profile"));
    }

    /** 8 to 32 characters with at least two of letters, digits and other characters. */
    static void requireStrong(String password) {
        int kinds = (password.chars().anyMatch(Character::isLetter) ? 1 : 0) + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (password.length() < 8 || password.length() > 32 || kinds < 2) {
            throw new IamException(IamException.Kind.INVALID, "Password",
                    "a password must be 8 to 32 characters with at least two of letters, digits and symbols");
        }
    }
}
