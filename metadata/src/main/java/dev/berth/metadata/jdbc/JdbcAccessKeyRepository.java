package dev.berth.metadata.jdbc;

import dev.berth.iam.key.AccessKey;
import dev.berth.iam.key.AccessKeyStatus;
import dev.berth.iam.secret.SealedSecret;
import dev.berth.iam.store.AccessKeyRepository;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.policy.value.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class JdbcAccessKeyRepository implements AccessKeyRepository {
    private static final String COLUMNS = "id, account_id, user_name, secret, status, created_at";

    private final Sql sql;

    JdbcAccessKeyRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(AccessKey key) {
        sql.update("INSERT INTO access_keys (id, account_id, user_name, owner_key, secret, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                key.id().value(), key.account().value(), key.userName().orElse(null), ownerKey(key.userName()),
                key.secret().encoded(), key.status().name(), key.createdAt());
    }

    @Override
    public Optional<AccessKey> find(AccessKeyId id) {
        return sql.query("SELECT " + COLUMNS + " FROM access_keys WHERE id = ?", JdbcAccessKeyRepository::read, id.value())
                .stream().findFirst();
    }

    @Override
    public List<AccessKey> listOf(AccountId account, Optional<String> userName) {
        return sql.query("SELECT " + COLUMNS + " FROM access_keys WHERE account_id = ? AND owner_key = ? ORDER BY created_at, id",
                JdbcAccessKeyRepository::read, account.value(), ownerKey(userName));
    }

    @Override
    public boolean updateStatus(AccessKeyId id, AccessKeyStatus status) {
        return sql.update("UPDATE access_keys SET status = ? WHERE id = ?", status.name(), id.value()) > 0;
    }

    @Override
    public boolean delete(AccessKeyId id) {
        return sql.update("DELETE FROM access_keys WHERE id = ?", id.value()) > 0;
    }

    static String ownerKey(Optional<String> userName) {
        return userName.map(name -> name.toLowerCase(Locale.ROOT)).orElse("");
    }

    private static AccessKey read(ResultSet row) throws SQLException {
        return new AccessKey(new AccessKeyId(row.getString("id")), new AccountId(row.getString("account_id")),
                Optional.ofNullable(row.getString("user_name")), SealedSecret.decode(row.getString("secret")),
                AccessKeyStatus.valueOf(row.getString("status")), Sql.instant(row, "created_at"));
    }
}
