package dev.berth.iam.service;

import dev.berth.iam.IamException;
import dev.berth.iam.group.RamGroup;
import dev.berth.iam.policy.Attachment;
import dev.berth.iam.store.DuplicateEntityException;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityTransaction;
import dev.berth.iam.user.RamUser;
import dev.berth.iam.value.UserName;
import dev.berth.policy.value.AccountId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Groups of RAM users and their members (iam-api.md sections 1 and 4). */
public final class Groups {
    public static final int LIMIT = 300;
    public static final int GROUPS_PER_USER = 10;

    private final IdentityStore store;
    private final SecureRandom random;

    public Groups(IdentityStore store, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
    }

    public RamGroup create(AccountId account, String name, String comments, Instant now) {
        requireName(name);
        RamGroup group = new RamGroup(account, String.valueOf(400_000_000_000_000_000L
                + (random.nextLong() & Long.MAX_VALUE) % 500_000_000_000_000_000L), name, comments, now, now);
        return store.inTransaction(transaction -> {
            if (transaction.groups().count(account) >= LIMIT) {
                throw new IamException(IamException.Kind.LIMIT_EXCEEDED, "Group", "the account has " + LIMIT + " groups, the most it may");
            }
            try {
                transaction.groups().insert(group);
            } catch (DuplicateEntityException e) {
                throw new IamException(IamException.Kind.ALREADY_EXISTS, "Group", "group `" + name + "` exists");
            }
            return group;
        });
    }

    public RamGroup find(AccountId account, String name) {
        return store.inTransaction(transaction -> existing(transaction, account, name));
    }

    public List<RamGroup> list(AccountId account) {
        return store.inTransaction(transaction -> transaction.groups().list(account));
    }

    public RamGroup update(AccountId account, String name, Optional<String> newName, Optional<String> comments, Instant now) {
        newName.ifPresent(Groups::requireName);
        return store.inTransaction(transaction -> {
            RamGroup group = existing(transaction, account, name);
            RamGroup updated = new RamGroup(account, group.id(), newName.orElse(group.name()), comments.orElse(group.comments()),
                    group.createdAt(), now);
            try {
                transaction.groups().update(group.name(), updated);
            } catch (DuplicateEntityException e) {
                throw new IamException(IamException.Kind.ALREADY_EXISTS, "Group", "group `" + updated.name() + "` exists");
            }
            return updated;
        });
    }

    /** Deletes a group with no members and no policies ({@code DeleteConflict.Group.User}/{@code .Policy} otherwise). */
    public void delete(AccountId account, String name) {
        store.inTransaction(transaction -> {
            RamGroup group = existing(transaction, account, name);
            if (!transaction.groups().members(account, group.name()).isEmpty()) {
                throw new IamException(IamException.Kind.DELETE_CONFLICT, "Group.User",
                        "group `" + group.name() + "` still has members: remove them first");
            }
            if (!transaction.attachments().forPrincipal(account, Attachment.PrincipalType.Group, group.name()).isEmpty()) {
                throw new IamException(IamException.Kind.DELETE_CONFLICT, "Group.Policy",
                        "group `" + group.name() + "` still has policies attached: detach them first");
            }
            return transaction.groups().delete(account, group.name());
        });
    }

    public void addUser(AccountId account, String groupName, UserName userName, Instant now) {
        store.inTransaction(transaction -> {
            RamGroup group = existing(transaction, account, groupName);
            RamUser user = Users.existing(transaction, account, userName);
            if (transaction.groups().groupsOf(account, user.name().value()).size() >= GROUPS_PER_USER) {
                throw new IamException(IamException.Kind.LIMIT_EXCEEDED, "User.Group",
                        "user `" + user.name() + "` is in " + GROUPS_PER_USER + " groups, the most a user may");
            }
            try {
                transaction.groups().addMember(account, group.name(), user.name().value(), now);
            } catch (DuplicateEntityException e) {
                throw new IamException(IamException.Kind.ALREADY_EXISTS, "Group.User",
                        "user `" + user.name() + "` is in group `" + group.name() + "` already");
            }
            return null;
        });
    }

    public void removeUser(AccountId account, String groupName, UserName userName) {
        store.inTransaction(transaction -> {
            RamGroup group = existing(transaction, account, groupName);
            RamUser user = Users.existing(transaction, account, userName);
            if (!transaction.groups().removeMember(account, group.name(), user.name().value())) {
                throw new IamException(IamException.Kind.NOT_FOUND, "Group.User",
                        "user `" + user.name() + "` is not in group `" + group.name() + "`");
            }
            return null;
        });
    }

    public List<RamGroup> groupsOf(AccountId account, UserName userName) {
        return store.inTransaction(transaction ->
                transaction.groups().groupsOf(account, Users.existing(transaction, account, userName).name().value()));
    }

    public List<RamUser> usersOf(AccountId account, String groupName) {
        return store.inTransaction(transaction -> transaction.groups().members(account, existing(transaction, account, groupName).name())
                .stream().map(member -> Users.existing(transaction, account, new UserName(member))).toList());
    }

    static RamGroup existing(IdentityTransaction transaction, AccountId account, String name) {
        return transaction.groups().find(account, name).orElseThrow(() ->
                new IamException(IamException.Kind.NOT_FOUND, "Group", "group `" + name + "` does not exist"));
    }

    private static void requireName(String name) {
        if (!RamGroup.isName(name)) {
            throw new IamException(IamException.Kind.INVALID, "GroupName", "`GroupName` must be 1 to 64 of `A-Za-z0-9.-`, got `"
                    + name + "`");
        }
    }
}
