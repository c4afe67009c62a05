package dev.berth.metadata.jdbc;

import dev.berth.iam.store.PasswordKind;
import dev.berth.iam.store.PasswordRepository;
import dev.berth.policy.value.AccountId;
import java.util.Optional;

final class JdbcPasswordRepository implements PasswordRepository {
    private final Sql sql;

    JdbcPasswordRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void set(AccountId account, Optional<String> userName, PasswordKind kind, String hash) {
        String owner = JdbcAccessKeyRepository.ownerKey(userName);
        int updated = sql.update("UPDATE passwords SET hash = ? WHERE account_id = ? AND owner_key = ? AND kind = ?",
                hash, account.value(), owner, kind.name());
        if (updated == 0) {
            sql.update("INSERT INTO passwords (account_id, owner_key, kind, hash) VALUES (?, ?, ?, ?)",
                    account.value(), owner, kind.name(), hash);
        }
    }

    @Override
    public Optional<String> find(AccountId account, Optional<String> userName, PasswordKind kind) {
        return sql.query("SELECT hash FROM passwords WHERE account_id = ? AND owner_key = ? AND kind = ?",
                row -> row.getString("hash"), account.value(), JdbcAccessKeyRepository.ownerKey(userName), kind.name())
                .stream().findFirst();
    }

    @Override
    public boolean delete(AccountId account, Optional<String> userName, PasswordKind kind) {
        return sql.update("DELETE FROM passwords WHERE account_id = ? AND owner_key = ? AND kind = ?",
                account.value(), JdbcAccessKeyRepository.ownerKey(userName), kind.name()) > 0;
    }
}
