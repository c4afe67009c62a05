package dev.berth.iam.store;

import dev.berth.iam.role.Role;
import dev.berth.iam.role.RoleSession;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.policy.value.AccountId;
import java.util.List;
import java.util.Optional;

/** Roles (names compare case-insensitively) and the sessions STS issued for them. */
public interface RoleRepository {
    /** {@link DuplicateEntityException} when the account has the name in any case. */
    void insert(Role role);

    Optional<Role> find(AccountId account, String name);

    List<Role> list(AccountId account);

    int count(AccountId account);

    void update(Role role);

    /** Deletes the role and every session issued for it, which stop working at once. */
    boolean delete(AccountId account, String name);

    void insertSession(RoleSession session);

    /** Ends every session of the role. */
    void endSessions(AccountId account, String roleName);

    Optional<RoleSession> findSession(AccessKeyId accessKeyId);
}
