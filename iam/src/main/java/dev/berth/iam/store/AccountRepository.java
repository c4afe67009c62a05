package dev.berth.iam.store;

import dev.berth.iam.account.Account;
import dev.berth.policy.value.AccountId;
import java.util.List;
import java.util.Optional;

public interface AccountRepository {
    /** Adds an account; {@link DuplicateEntityException} when the id or the alias is taken. */
    void insert(Account account);

    Optional<Account> find(AccountId id);

    List<Account> list();

    /** Sets or clears the alias; {@link DuplicateEntityException} when another account has it. */
    boolean updateAlias(AccountId id, Optional<String> alias);

    /** Removes an account that owns nothing any more; false when there was none. */
    boolean delete(AccountId id);
}
