package dev.berth.iam.service;

import dev.berth.iam.IamException;
import dev.berth.iam.policy.Attachment;
import dev.berth.iam.user.RamUser;
import dev.berth.iam.store.DuplicateEntityException;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityTransaction;
import dev.berth.iam.store.PasswordKind;
import dev.berth.iam.value.UserName;
import dev.berth.policy.value.AccountId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** RAM users of an account: each operation one transaction (iam-api.md sections 1 and 4). */
public final class Users {
    public static final int LIMIT = 5000;

    private final IdentityStore store;
    private final SecureRandom random;

    public Users(IdentityStore store, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
    }

    public RamUser create(AccountId account, UserName name, UserFields fields, Instant now) {
        RamUser user = new RamUser(account, newId(), name, fields.displayName().orElse(name.value()), fields.email().orElse(""),
                fields.mobilePhone().orElse(""), fields.comments().orElse(""), now, now);
        return store.inTransaction(transaction -> {
            if (transaction.users().count(account) >= LIMIT) {
                throw new IamException(IamException.Kind.LIMIT_EXCEEDED, "User", "the account has " + LIMIT + " users, the most it may");
            }
            try {
                transaction.users().insert(user);
            } catch (DuplicateEntityException e) {
                throw new IamException(IamException.Kind.ALREADY_EXISTS, "User", "user `" + name + "` exists");
            }
            return user;
        });
    }

    public RamUser find(AccountId account, UserName name) {
        return store.inTransaction(transaction -> existing(transaction, account, name));
    }

    public RamUser update(AccountId account, UserName name, Optional<UserName> newName, UserFields fields, Instant now) {
        return store.inTransaction(transaction -> {
            RamUser user = existing(transaction, account, name);
            RamUser updated = new RamUser(account, user.id(), newName.orElse(user.name()), fields.displayName().orElse(user.displayName()),
                    fields.email().orElse(user.email()), fields.mobilePhone().orElse(user.mobilePhone()),
                    fields.comments().orElse(user.comments()), user.createdAt(), now);
            try {
                transaction.users().update(user.name(), updated);
            } catch (DuplicateEntityException e) {
                throw new IamException(IamException.Kind.ALREADY_EXISTS, "User", "user `" + updated.name() + "` exists");
            }
            return updated;
        });
    }

    /**
     * Deletes a user in no group, with no policy and no AccessKey any more ({@code DeleteConflict.User.Group},
     * {@code .Policy}, {@code .AccessKey} otherwise).
     */
    public void delete(AccountId account, UserName name) {
        store.inTransaction(transaction -> {
            RamUser user = existing(transaction, account, name);
            if (!transaction.groups().groupsOf(account, user.name().value()).isEmpty()) {
                throw new IamException(IamException.Kind.DELETE_CONFLICT, "User.Group",
                        "user `" + user.name() + "` is still in groups: remove it from them first");
            }
            if (!transaction.attachments().forPrincipal(account, Attachment.PrincipalType.User, user.name().value()).isEmpty()) {
                throw new IamException(IamException.Kind.DELETE_CONFLICT, "User.Policy",
                        "user `" + user.name() + "` still has policies attached: detach them first");
            }
            if (!transaction.accessKeys().listOf(account, Optional.of(user.name().value())).isEmpty()) {
                throw new IamException(IamException.Kind.DELETE_CONFLICT, "User.AccessKey",
                        "user `" + user.name() + "` still has AccessKeys: delete them first");
            }
            transaction.loginProfiles().delete(account, user.name().value());
            for (PasswordKind kind : PasswordKind.values()) {
                transaction.passwords().delete(account, Optional.of(user.name().value()), kind);
            }
            return transaction.users().delete(account, user.name());
        });
    }

    /** A page of users after {@code marker} (the last name of the previous page), and whether more follow. */
    public Page list(AccountId account, Optional<String> marker, int maxItems) {
        return store.inTransaction(transaction -> {
            List<RamUser> users = transaction.users().list(account, marker, maxItems + 1);
            boolean truncated = users.size() > maxItems;
            List<RamUser> page = truncated ? users.subList(0, maxItems) : users;
            return new Page(List.copyOf(page), truncated ? Optional.of(page.getLast().name().key()) : Optional.empty());
        });
    }

    /** One page of a listing; {@code marker} is present when more follow. */
    public record Page(List<RamUser> users, Optional<String> marker) {
    }

    static RamUser existing(IdentityTransaction transaction, AccountId account, UserName name) {
        return transaction.users().find(account, name).orElseThrow(() ->
                new IamException(IamException.Kind.NOT_FOUND, "User", "user `" + name + "` does not exist"));
    }

    private String newId() {
        return String.valueOf(200_000_000_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 700_000_000_000_000_000L);
    }
}
