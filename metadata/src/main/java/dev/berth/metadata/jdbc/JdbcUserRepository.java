package dev.berth.metadata.jdbc;

import dev.berth.iam.store.UserRepository;
import dev.berth.iam.user.RamUser;
import dev.berth.iam.value.UserName;
import dev.berth.policy.value.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcUserRepository implements UserRepository {
    private static final String COLUMNS =
            "account_id, id, name, display_name, email, mobile_phone, comments, created_at, updated_at";

    private final Sql sql;

    JdbcUserRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(RamUser user) {
        sql.update("INSERT INTO users (" + COLUMNS + ", name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                user.account().value(), user.id(), user.name().value(), user.displayName(), user.email(), user.mobilePhone(),
                user.comments(), user.createdAt(), user.updatedAt(), user.name().key());
    }

    @Override
    public Optional<RamUser> find(AccountId account, UserName name) {
        return sql.query("SELECT " + COLUMNS + " FROM users WHERE account_id = ? AND name_key = ?", JdbcUserRepository::read,
                account.value(), name.key()).stream().findFirst();
    }

    @Override
    public List<RamUser> list(AccountId account, Optional<String> after, int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM users WHERE account_id = ? AND name_key > ? ORDER BY name_key LIMIT ?",
                JdbcUserRepository::read, account.value(), after.orElse(""), limit);
    }

    @Override
    public int count(AccountId account) {
        return sql.query("SELECT COUNT(*) AS users FROM users WHERE account_id = ?", row -> row.getInt("users"), account.value())
                .getFirst();
    }

    @Override
    public boolean update(UserName previousName, RamUser user) {
        String account = user.account().value();
        if (!previousName.key().equals(user.name().key())) {
            sql.update("UPDATE access_keys SET owner_key = ?, user_name = ? WHERE account_id = ? AND owner_key = ?",
                    user.name().key(), user.name().value(), account, previousName.key());
            sql.update("UPDATE passwords SET owner_key = ? WHERE account_id = ? AND owner_key = ?", user.name().key(), account,
                    previousName.key());
            sql.update("UPDATE attachments SET principal_key = ? WHERE account_id = ? AND principal_type = 'User' AND principal_key = ?",
                    user.name().key(), account, previousName.key());
        }
        return sql.update("UPDATE users SET name = ?, name_key = ?, display_name = ?, email = ?, mobile_phone = ?, comments = ?,"
                        + " updated_at = ? WHERE account_id = ? AND name_key = ?",
                user.name().value(), user.name().key(), user.displayName(), user.email(), user.mobilePhone(), user.comments(),
                user.updatedAt(), user.account().value(), previousName.key()) > 0;
    }

    @Override
    public boolean delete(AccountId account, UserName name) {
        return sql.update("DELETE FROM users WHERE account_id = ? AND name_key = ?", account.value(), name.key()) > 0;
    }

    private static RamUser read(ResultSet row) throws SQLException {
        return new RamUser(new AccountId(row.getString("account_id")), row.getString("id"), new UserName(row.getString("name")),
                row.getString("display_name"), row.getString("email"), row.getString("mobile_phone"), row.getString("comments"),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }
}
