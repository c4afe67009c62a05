package dev.berth.metadata.jdbc;

import dev.berth.iam.role.Role;
import dev.berth.iam.role.RoleSession;
import dev.berth.iam.secret.SealedSecret;
import dev.berth.iam.store.RoleRepository;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.policy.value.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class JdbcRoleRepository implements RoleRepository {
    private static final String COLUMNS =
            "account_id, id, name, description, trust_policy, max_session_duration, created_at, updated_at";
    private static final String SESSION_COLUMNS =
            "access_key_id, account_id, role_name, session_name, secret, token_hash, session_policy, created_at, expires_at";

    private final Sql sql;

    JdbcRoleRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Role role) {
        sql.update("INSERT INTO roles (" + COLUMNS + ", name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                role.account().value(), role.id(), role.name(), role.description(), role.trustPolicy(), role.maxSessionDuration(),
                role.createdAt(), role.updatedAt(), role.key());
    }

    @Override
    public Optional<Role> find(AccountId account, String name) {
        return sql.query("SELECT " + COLUMNS + " FROM roles WHERE account_id = ? AND name_key = ?", JdbcRoleRepository::read,
                account.value(), name.toLowerCase(Locale.ROOT)).stream().findFirst();
    }

    @Override
    public List<Role> list(AccountId account) {
        return sql.query("SELECT " + COLUMNS + " FROM roles WHERE account_id = ? ORDER BY name_key", JdbcRoleRepository::read,
                account.value());
    }

    @Override
    public int count(AccountId account) {
        return sql.query("SELECT COUNT(*) AS roles FROM roles WHERE account_id = ?", row -> row.getInt("roles"), account.value())
                .getFirst();
    }

    @Override
    public void update(Role role) {
        sql.update("UPDATE roles SET description = ?, trust_policy = ?, max_session_duration = ?, updated_at = ?"
                        + " WHERE account_id = ? AND name_key = ?",
                role.description(), role.trustPolicy(), role.maxSessionDuration(), role.updatedAt(), role.account().value(), role.key());
    }

    @Override
    public void endSessions(AccountId account, String roleName) {
        sql.update("DELETE FROM role_sessions WHERE account_id = ? AND LOWER(role_name) = ?", account.value(),
                roleName.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean delete(AccountId account, String name) {
        endSessions(account, name);
        return sql.update("DELETE FROM roles WHERE account_id = ? AND name_key = ?", account.value(), name.toLowerCase(Locale.ROOT)) > 0;
    }

    @Override
    public void insertSession(RoleSession session) {
        // A new session moves no generation: its key was never cached, so no cache can be stale.
        sql.insertUnseen("INSERT INTO role_sessions (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                session.accessKeyId().value(), session.account().value(), session.roleName(), session.sessionName(),
                session.secret().encoded(), session.tokenHash(), session.sessionPolicy().orElse(null), session.createdAt(),
                session.expiresAt());
    }

    @Override
    public Optional<RoleSession> findSession(AccessKeyId accessKeyId) {
        return sql.query("SELECT " + SESSION_COLUMNS + " FROM role_sessions WHERE access_key_id = ?", row -> new RoleSession(
                new AccessKeyId(row.getString("access_key_id")), new AccountId(row.getString("account_id")), row.getString("role_name"),
                row.getString("session_name"), SealedSecret.decode(row.getString("secret")), row.getString("token_hash"),
                Optional.ofNullable(row.getString("session_policy")), Sql.instant(row, "created_at"), Sql.instant(row, "expires_at")),
                accessKeyId.value()).stream().findFirst();
    }

    private static Role read(ResultSet row) throws SQLException {
        return new Role(new AccountId(row.getString("account_id")), row.getString("id"), row.getString("name"),
                row.getString("description"), row.getString("trust_policy"), row.getInt("max_session_duration"),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }
}
