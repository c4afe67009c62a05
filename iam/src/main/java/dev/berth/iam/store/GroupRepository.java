package dev.berth.iam.store;

import dev.berth.iam.group.RamGroup;
import dev.berth.policy.value.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Groups (names compare case-insensitively) and their members. */
public interface GroupRepository {
    /** {@link DuplicateEntityException} when the account has the name in any case. */
    void insert(RamGroup group);

    Optional<RamGroup> find(AccountId account, String name);

    List<RamGroup> list(AccountId account);

    int count(AccountId account);

    /** Replaces the group stored as {@code previousName}; {@link DuplicateEntityException} when a rename collides. */
    void update(String previousName, RamGroup group);

    boolean delete(AccountId account, String name);

    /** {@link DuplicateEntityException} when the user is a member already. */
    void addMember(AccountId account, String groupName, String userName, Instant now);

    boolean removeMember(AccountId account, String groupName, String userName);

    /** The lower-case names of the group's members. */
    List<String> members(AccountId account, String groupName);

    /** The groups the user (any case) is in. */
    List<RamGroup> groupsOf(AccountId account, String userName);
}
