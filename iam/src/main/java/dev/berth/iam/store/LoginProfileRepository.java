package dev.berth.iam.store;

import dev.berth.iam.user.LoginProfile;
import dev.berth.policy.value.AccountId;
import java.util.Optional;

/** Login profiles, one per RAM user at most; user names compare case-insensitively. */
public interface LoginProfileRepository {
    /** {@link DuplicateEntityException} when the user has one already. */
    void insert(LoginProfile profile);

    Optional<LoginProfile> find(AccountId account, String userName);

    void update(LoginProfile profile);

    boolean delete(AccountId account, String userName);
}
