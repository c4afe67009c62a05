package dev.berth.metadata.jdbc;

import dev.berth.iam.group.RamGroup;
import dev.berth.iam.store.GroupRepository;
import dev.berth.policy.value.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class JdbcGroupRepository implements GroupRepository {
    private static final String COLUMNS = "g.account_id, g.id, g.name, g.comments, g.created_at, g.updated_at";

    private final Sql sql;

    JdbcGroupRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(RamGroup group) {
        sql.update("INSERT INTO user_groups (account_id, id, name, comments, created_at, updated_at, name_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                group.account().value(), group.id(), group.name(), group.comments(), group.createdAt(), group.updatedAt(), group.key());
    }

    @Override
    public Optional<RamGroup> find(AccountId account, String name) {
        return sql.query("SELECT " + COLUMNS + " FROM user_groups g WHERE g.account_id = ? AND g.name_key = ?",
                JdbcGroupRepository::read, account.value(), key(name)).stream().findFirst();
    }

    @Override
    public List<RamGroup> list(AccountId account) {
        return sql.query("SELECT " + COLUMNS + " FROM user_groups g WHERE g.account_id = ? ORDER BY g.name_key",
                JdbcGroupRepository::read, account.value());
    }

    @Override
    public int count(AccountId account) {
        return sql.query("SELECT COUNT(*) AS groups_count FROM user_groups WHERE account_id = ?", row -> row.getInt("groups_count"),
                account.value()).getFirst();
    }

    @Override
    public void update(String previousName, RamGroup group) {
        sql.update("UPDATE user_groups SET name = ?, name_key = ?, comments = ?, updated_at = ? WHERE account_id = ? AND name_key = ?",
                group.name(), group.key(), group.comments(), group.updatedAt(), group.account().value(), key(previousName));
        sql.update("UPDATE attachments SET principal_key = ? WHERE account_id = ? AND principal_type = 'Group' AND principal_key = ?",
                group.key(), group.account().value(), key(previousName));
    }

    @Override
    public boolean delete(AccountId account, String name) {
        return sql.update("DELETE FROM user_groups WHERE account_id = ? AND name_key = ?", account.value(), key(name)) > 0;
    }

    @Override
    public void addMember(AccountId account, String groupName, String userName, Instant now) {
        sql.update("INSERT INTO group_members (account_id, group_key, user_key, joined_at) VALUES (?, ?, ?, ?)",
                account.value(), key(groupName), key(userName), now);
    }

    @Override
    public boolean removeMember(AccountId account, String groupName, String userName) {
        return sql.update("DELETE FROM group_members WHERE account_id = ? AND group_key = ? AND user_key = ?",
                account.value(), key(groupName), key(userName)) > 0;
    }

    @Override
    public List<String> members(AccountId account, String groupName) {
        return sql.query("SELECT user_key FROM group_members WHERE account_id = ? AND group_key = ? ORDER BY user_key",
                row -> row.getString("user_key"), account.value(), key(groupName));
    }

    @Override
    public List<RamGroup> groupsOf(AccountId account, String userName) {
        return sql.query("SELECT " + COLUMNS + " FROM user_groups g JOIN group_members m ON m.account_id = g.account_id"
                        + " AND m.group_key = g.name_key WHERE g.account_id = ? AND m.user_key = ? ORDER BY g.name_key",
                JdbcGroupRepository::read, account.value(), key(userName));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static RamGroup read(ResultSet row) throws SQLException {
        return new RamGroup(new AccountId(row.getString("account_id")), row.getString("id"), row.getString("name"),
                row.getString("comments"), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }
}
