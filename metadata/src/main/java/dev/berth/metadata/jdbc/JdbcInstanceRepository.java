package dev.berth.metadata.jdbc;

import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.instance.InstanceName;
import dev.berth.registry.instance.InstanceStatus;
import dev.berth.registry.instance.InstanceType;
import dev.berth.registry.store.InstanceRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Instances; {@code personal_account}, unique, holds the account of a Personal Edition instance. */
final class JdbcInstanceRepository implements InstanceRepository {
    private static final String COLUMNS = "id, account_id, name, instance_type, status, resource_group, created_at";

    private final Sql sql;

    JdbcInstanceRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Instance instance) {
        sql.update("INSERT INTO registry_instances (" + COLUMNS + ", personal_account) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                instance.id().value(), instance.account().value(), instance.name().value(), instance.type().name(),
                instance.status().name(), instance.resourceGroup().value(), instance.createdAt(),
                instance.type().isPersonal() ? instance.account().value() : null);
    }

    @Override
    public Optional<Instance> find(InstanceId id) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_instances WHERE id = ?", JdbcInstanceRepository::read, id.value())
                .stream().findFirst();
    }

    @Override
    public Optional<Instance> findByName(InstanceName name) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_instances WHERE name = ?", JdbcInstanceRepository::read, name.value())
                .stream().findFirst();
    }

    @Override
    public Optional<Instance> findPersonal(AccountId account) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_instances WHERE personal_account = ?", JdbcInstanceRepository::read,
                account.value()).stream().findFirst();
    }

    @Override
    public List<Instance> list(AccountId account) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_instances WHERE account_id = ? ORDER BY id", JdbcInstanceRepository::read,
                account.value());
    }

    @Override
    public boolean delete(InstanceId id) {
        return sql.update("DELETE FROM registry_instances WHERE id = ?", id.value()) > 0;
    }

    private static Instance read(ResultSet row) throws SQLException {
        return new Instance(new InstanceId(row.getString("id")), new AccountId(row.getString("account_id")),
                new InstanceName(row.getString("name")), InstanceType.valueOf(row.getString("instance_type")),
                InstanceStatus.valueOf(row.getString("status")), new ResourceGroupId(row.getString("resource_group")),
                Sql.instant(row, "created_at"));
    }
}
