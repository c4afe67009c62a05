package dev.berth.iam.service;

import dev.berth.iam.IamException;
import dev.berth.iam.account.Account;
import dev.berth.iam.store.DuplicateEntityException;
import dev.berth.iam.store.IdentityStore;
import dev.berth.policy.value.AccountId;
import java.util.Objects;
import java.util.Optional;

/** The account's alias (iam-api.md section 1): 3-64 of {@code a-z0-9-}, unique across accounts. */
public final class AccountAliases {
    private final IdentityStore store;

    public AccountAliases(IdentityStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public void set(AccountId account, Optional<String> alias) {
        alias.ifPresent(value -> {
            try {
                Account.requireAlias(value);
            } catch (IllegalArgumentException e) {
                throw new IamException(IamException.Kind.INVALID, "AccountAlias", e.getMessage());
            }
        });
        store.inTransaction(transaction -> {
            try {
                return transaction.accounts().updateAlias(account, alias);
            } catch (DuplicateEntityException e) {
                throw new IamException(IamException.Kind.ALREADY_EXISTS, "AccountAlias", "the alias `" + alias.orElse("") + "` is taken");
            }
        });
    }

    public Optional<String> find(AccountId account) {
        return store.inTransaction(transaction -> transaction.accounts().find(account).flatMap(Account::alias));
    }
}
