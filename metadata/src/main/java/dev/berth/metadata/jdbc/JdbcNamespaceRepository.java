package dev.berth.metadata.jdbc;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.repository.Namespace;
import dev.berth.registry.repository.NamespaceId;
import dev.berth.registry.repository.RepoType;
import dev.berth.registry.store.NamespaceRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Namespaces, unique by {@code (scope, name)}: the scope of a Personal Edition instance's namespace is
 * {@value #PERSONAL}, shared by all of them; any other namespace's is its instance id.
 */
final class JdbcNamespaceRepository implements NamespaceRepository {
    private static final String PERSONAL = "personal";
    private static final String COLUMNS = "id, instance_id, name, auto_create_repo, default_repo_type, created_at";

    private final Sql sql;

    JdbcNamespaceRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Namespace namespace) {
        InstanceId instance = namespace.instance();
        sql.update("INSERT INTO registry_namespaces (" + COLUMNS + ", scope) VALUES (?, ?, ?, ?, ?, ?, ?)",
                namespace.id().value(), instance.value(), namespace.name().value(), namespace.autoCreateRepo(),
                namespace.defaultRepoType().name(), namespace.createdAt(), instance.isPersonal() ? PERSONAL : instance.value());
    }

    @Override
    public Optional<Namespace> find(InstanceId instance, NamespaceName name) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_namespaces WHERE instance_id = ? AND name = ?",
                JdbcNamespaceRepository::read, instance.value(), name.value()).stream().findFirst();
    }

    @Override
    public Optional<Namespace> findPersonal(NamespaceName name) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_namespaces WHERE scope = ? AND name = ?",
                JdbcNamespaceRepository::read, PERSONAL, name.value()).stream().findFirst();
    }

    @Override
    public List<Namespace> list(InstanceId instance) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_namespaces WHERE instance_id = ? ORDER BY name",
                JdbcNamespaceRepository::read, instance.value());
    }

    @Override
    public int count(InstanceId instance) {
        return sql.query("SELECT COUNT(*) AS namespaces FROM registry_namespaces WHERE instance_id = ?", row -> row.getInt("namespaces"),
                instance.value()).getFirst();
    }

    @Override
    public boolean update(Namespace namespace) {
        return sql.update("UPDATE registry_namespaces SET auto_create_repo = ?, default_repo_type = ? WHERE instance_id = ? AND name = ?",
                namespace.autoCreateRepo(), namespace.defaultRepoType().name(), namespace.instance().value(),
                namespace.name().value()) > 0;
    }

    @Override
    public boolean delete(InstanceId instance, NamespaceName name) {
        return sql.update("DELETE FROM registry_namespaces WHERE instance_id = ? AND name = ?", instance.value(), name.value()) > 0;
    }

    private static Namespace read(ResultSet row) throws SQLException {
        return new Namespace(new NamespaceId(row.getString("id")), new InstanceId(row.getString("instance_id")),
                new NamespaceName(row.getString("name")), row.getBoolean("auto_create_repo"),
                RepoType.valueOf(row.getString("default_repo_type")), Sql.instant(row, "created_at"));
    }
}
