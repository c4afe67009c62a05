package dev.berth.iam.store;

import dev.berth.iam.user.RamUser;
import dev.berth.iam.value.UserName;
import dev.berth.policy.value.AccountId;
import java.util.List;
import java.util.Optional;

public interface UserRepository {
    /** Adds a user; {@link DuplicateEntityException} when the account has that name in any case. */
    void insert(RamUser user);

    /** The user of that name in any case. */
    Optional<RamUser> find(AccountId account, UserName name);

    /** Up to {@code limit} users whose lower-case name follows {@code after} (empty: from the start), by name. */
    List<RamUser> list(AccountId account, Optional<String> after, int limit);

    int count(AccountId account);

    /**
     * Replaces the stored user of {@code previousName}; a rename carries the user's keys, passwords,
     * attachments and memberships along. {@link DuplicateEntityException} when a rename collides.
     */
    boolean update(UserName previousName, RamUser user);

    boolean delete(AccountId account, UserName name);
}
