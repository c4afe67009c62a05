package dev.berth.iam.service;

import dev.berth.iam.IamException;
import dev.berth.iam.key.AccessKeyStatus;
import dev.berth.iam.key.AccessKey;
import dev.berth.iam.secret.SecretBox;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityTransaction;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.iam.value.RandomText;
import dev.berth.iam.value.UserName;
import dev.berth.policy.value.AccountId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * AccessKeys of the account itself ({@code user} empty) and of its RAM users: at most two each; the
 * secret is shown once, at creation, and kept sealed (iam-api.md section 1).
 */
public final class AccessKeys {
    public static final int LIMIT = 2;
    private static final int SECRET_LENGTH = 30;

    private final IdentityStore store;
    private final SecretBox secrets;
    private final SecureRandom random;

    public AccessKeys(IdentityStore store, SecretBox secrets, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new key and its secret in plain text, for the one answer that shows it. */
    public record Created(AccessKey key, String secret) {
        @Override
        public String toString() {
            return "Created[" + key.id() + ", secret hidden]";
        }
    }

    public Created create(AccountId account, Optional<UserName> user, Instant now) {
        AccessKeyId id = AccessKeyId.newLongTerm(random);
        String secret = RandomText.of(random, RandomText.LETTERS_AND_DIGITS, SECRET_LENGTH);
        AccessKey key = new AccessKey(id, account, Optional.empty(), secrets.seal(secret, id.value()), AccessKeyStatus.Active, now);
        return store.inTransaction(transaction -> {
            Optional<String> owner = owner(transaction, account, user);
            if (transaction.accessKeys().listOf(account, owner).size() >= LIMIT) {
                throw new IamException(IamException.Kind.LIMIT_EXCEEDED, "User.AccessKey",
                        "a user has at most " + LIMIT + " AccessKeys");
            }
            AccessKey owned = new AccessKey(key.id(), account, owner, key.secret(), key.status(), now);
            transaction.accessKeys().insert(owned);
            return new Created(owned, secret);
        });
    }

    public List<AccessKey> list(AccountId account, Optional<UserName> user) {
        return store.inTransaction(transaction -> transaction.accessKeys().listOf(account, owner(transaction, account, user)));
    }

    public void updateStatus(AccountId account, Optional<UserName> user, AccessKeyId id, AccessKeyStatus status) {
        store.inTransaction(transaction -> transaction.accessKeys().updateStatus(owned(transaction, account, user, id).id(), status));
    }

    public void delete(AccountId account, Optional<UserName> user, AccessKeyId id) {
        store.inTransaction(transaction -> transaction.accessKeys().delete(owned(transaction, account, user, id).id()));
    }

    private static AccessKey owned(IdentityTransaction transaction, AccountId account, Optional<UserName> user, AccessKeyId id) {
        Optional<String> owner = owner(transaction, account, user);
        return transaction.accessKeys().find(id)
                .filter(key -> key.account().equals(account)
                        && key.userName().map(name -> name.equalsIgnoreCase(owner.orElse(""))).orElse(owner.isEmpty()))
                .orElseThrow(() -> new IamException(IamException.Kind.NOT_FOUND, "AccessKey", "AccessKey `" + id + "` does not exist"));
    }

    /** The stored user name of {@code user} (checked to exist), or empty for the account itself. */
    private static Optional<String> owner(IdentityTransaction transaction, AccountId account, Optional<UserName> user) {
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(transaction.users().find(account, user.get()).orElseThrow(() ->
                new IamException(IamException.Kind.NOT_FOUND, "User", "user `" + user.get() + "` does not exist")).name().value());
    }
}
