package dev.berth.iam.store;

import dev.berth.iam.account.Account;
import dev.berth.iam.key.AccessKey;
import dev.berth.iam.key.AccessKeyStatus;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.policy.value.AccountId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fake store for tests of the layers above: one lock, and each transaction works on a copy
 * that replaces the state only when the work returns.
 */
public final class InMemoryIdentityStore implements IdentityStore {
    private State state = new State();

    @Override
    public synchronized <T> T inTransaction(Work<T> work) {
        State copy = state.copy();
        T result = work.run(copy);
        state = copy;
        return result;
    }

    private static final class State implements IdentityTransaction, AccountRepository, AccessKeyRepository, PasswordRepository {
        private final Map<AccountId, Account> accounts = new LinkedHashMap<>();
        private final Map<AccessKeyId, AccessKey> keys = new LinkedHashMap<>();
        private final Map<String, String> passwords = new LinkedHashMap<>();

        State copy() {
            State copy = new State();
            copy.accounts.putAll(accounts);
            copy.keys.putAll(keys);
            copy.passwords.putAll(passwords);
            return copy;
        }

        @Override
        public AccountRepository accounts() {
            return this;
        }

        @Override
        public AccessKeyRepository accessKeys() {
            return this;
        }

        @Override
        public PasswordRepository passwords() {
            return this;
        }

        @Override
        public void insert(Account account) {
            boolean aliasTaken = account.alias().isPresent()
                    && accounts.values().stream().anyMatch(other -> other.alias().equals(account.alias()));
            if (accounts.containsKey(account.id()) || aliasTaken) {
                throw new DuplicateEntityException("account exists", null);
            }
            accounts.put(account.id(), account);
        }

        @Override
        public Optional<Account> find(AccountId id) {
            return Optional.ofNullable(accounts.get(id));
        }

        @Override
        public List<Account> list() {
            return List.copyOf(accounts.values());
        }

        @Override
        public boolean delete(AccountId id) {
            return accounts.remove(id) != null;
        }

        @Override
        public void insert(AccessKey key) {
            if (keys.putIfAbsent(key.id(), key) != null) {
                throw new DuplicateEntityException("key exists", null);
            }
        }

        @Override
        public Optional<AccessKey> find(AccessKeyId id) {
            return Optional.ofNullable(keys.get(id));
        }

        @Override
        public List<AccessKey> listOf(AccountId account, Optional<String> userName) {
            List<AccessKey> found = new ArrayList<>();
            for (AccessKey key : keys.values()) {
                if (key.account().equals(account) && owner(key.userName()).equals(owner(userName))) {
                    found.add(key);
                }
            }
            found.sort(Comparator.comparing(AccessKey::createdAt));
            return found;
        }

        @Override
        public boolean updateStatus(AccessKeyId id, AccessKeyStatus status) {
            AccessKey key = keys.get(id);
            if (key == null) {
                return false;
            }
            keys.put(id, key.withStatus(status));
            return true;
        }

        @Override
        public boolean delete(AccessKeyId id) {
            return keys.remove(id) != null;
        }

        @Override
        public void set(AccountId account, Optional<String> userName, PasswordKind kind, String hash) {
            passwords.put(passwordKey(account, userName, kind), hash);
        }

        @Override
        public Optional<String> find(AccountId account, Optional<String> userName, PasswordKind kind) {
            return Optional.ofNullable(passwords.get(passwordKey(account, userName, kind)));
        }

        @Override
        public boolean delete(AccountId account, Optional<String> userName, PasswordKind kind) {
            return passwords.remove(passwordKey(account, userName, kind)) != null;
        }

        private static String owner(Optional<String> userName) {
            return userName.map(name -> name.toLowerCase(Locale.ROOT)).orElse("");
        }

        private static String passwordKey(AccountId account, Optional<String> userName, PasswordKind kind) {
            return account + "/" + owner(userName) + "/" + kind;
        }
    }
}
