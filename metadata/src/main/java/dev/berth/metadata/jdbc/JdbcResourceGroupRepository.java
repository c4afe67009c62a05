package dev.berth.metadata.jdbc;

import dev.berth.iam.resourcegroup.ResourceGroup;
import dev.berth.iam.store.ResourceGroupRepository;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcResourceGroupRepository implements ResourceGroupRepository {
    private static final String COLUMNS = "account_id, id, name, display_name, is_default, created_at";

    private final Sql sql;

    JdbcResourceGroupRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(ResourceGroup group) {
        sql.update("INSERT INTO resource_groups (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", group.account().value(),
                group.id().value(), group.name(), group.displayName(), group.isDefault(), group.createdAt());
    }

    @Override
    public Optional<ResourceGroup> find(AccountId account, ResourceGroupId id) {
        return sql.query("SELECT " + COLUMNS + " FROM resource_groups WHERE account_id = ? AND id = ?",
                JdbcResourceGroupRepository::read, account.value(), id.value()).stream().findFirst();
    }

    @Override
    public List<ResourceGroup> list(AccountId account) {
        return sql.query("SELECT " + COLUMNS + " FROM resource_groups WHERE account_id = ? ORDER BY created_at, id",
                JdbcResourceGroupRepository::read, account.value());
    }

    @Override
    public boolean delete(AccountId account, ResourceGroupId id) {
        return sql.update("DELETE FROM resource_groups WHERE account_id = ? AND id = ?", account.value(), id.value()) > 0;
    }

    private static ResourceGroup read(ResultSet row) throws SQLException {
        return new ResourceGroup(new AccountId(row.getString("account_id")), new ResourceGroupId(row.getString("id")),
                row.getString("name"), row.getString("display_name"), row.getBoolean("is_default"), Sql.instant(row, "created_at"));
    }
}
