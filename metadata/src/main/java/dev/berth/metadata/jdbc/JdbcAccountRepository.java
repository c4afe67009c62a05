package dev.berth.metadata.jdbc;

import dev.berth.iam.account.Account;
import dev.berth.iam.store.AccountRepository;
import dev.berth.policy.value.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcAccountRepository implements AccountRepository {
    private final Sql sql;

    JdbcAccountRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Account account) {
        sql.update("INSERT INTO accounts (id, alias, created_at) VALUES (?, ?, ?)",
                account.id().value(), account.alias().orElse(null), account.createdAt());
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return sql.query("SELECT id, alias, created_at FROM accounts WHERE id = ?", JdbcAccountRepository::read, id.value())
                .stream().findFirst();
    }

    @Override
    public List<Account> list() {
        return sql.query("SELECT id, alias, created_at FROM accounts ORDER BY created_at, id", JdbcAccountRepository::read);
    }

    @Override
    public boolean updateAlias(AccountId id, Optional<String> alias) {
        return sql.update("UPDATE accounts SET alias = ? WHERE id = ?", alias.orElse(null), id.value()) > 0;
    }

    @Override
    public boolean delete(AccountId id) {
        return sql.update("DELETE FROM accounts WHERE id = ?", id.value()) > 0;
    }

    private static Account read(ResultSet row) throws SQLException {
        return new Account(new AccountId(row.getString("id")), Optional.ofNullable(row.getString("alias")),
                Sql.instant(row, "created_at"));
    }
}
