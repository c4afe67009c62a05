package dev.berth.metadata.jdbc;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.RepoType;
import dev.berth.registry.repository.RepositoryId;
import dev.berth.registry.store.ImageRepositoryRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Repositories, unique by full name ({@code <namespace>/<repository>}) in their instance. Deleting one
 * deletes its manifests, tags, blob links and upload sessions by the schema's cascades.
 */
final class JdbcImageRepositoryRepository implements ImageRepositoryRepository {
    private static final String COLUMNS = "id, instance_id, full_name, repo_type, summary, tag_immutability, created_at, modified_at";

    private final Sql sql;

    JdbcImageRepositoryRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(ImageRepository repository) {
        sql.update("INSERT INTO registry_repositories (" + COLUMNS + ", namespace_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                repository.id().value(), repository.instance().value(), repository.name().toString(), repository.type().name(),
                repository.summary(), repository.tagImmutability(), repository.createdAt(), repository.modifiedAt(),
                repository.name().namespace().value());
    }

    @Override
    public Optional<ImageRepository> find(InstanceId instance, ImageName name) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_repositories WHERE instance_id = ? AND full_name = ?",
                JdbcImageRepositoryRepository::read, instance.value(), name.toString()).stream().findFirst();
    }

    @Override
    public Optional<ImageRepository> find(RepositoryId id) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_repositories WHERE id = ?", JdbcImageRepositoryRepository::read, id.value())
                .stream().findFirst();
    }

    @Override
    public List<ImageRepository> list(InstanceId instance, Optional<NamespaceName> namespace, Optional<ImageName> after, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(instance.value()));
        namespace.ifPresent(name -> parameters.add(name.value()));
        parameters.add(after.map(ImageName::toString).orElse(""));
        parameters.add(limit);
        return sql.query("SELECT " + COLUMNS + " FROM registry_repositories WHERE instance_id = ?"
                        + (namespace.isPresent() ? " AND namespace_name = ?" : "") + " AND full_name > ? ORDER BY full_name LIMIT ?",
                JdbcImageRepositoryRepository::read, parameters.toArray());
    }

    @Override
    public int count(InstanceId instance) {
        return sql.query("SELECT COUNT(*) AS repositories FROM registry_repositories WHERE instance_id = ?",
                row -> row.getInt("repositories"), instance.value()).getFirst();
    }

    @Override
    public int count(InstanceId instance, NamespaceName namespace) {
        return sql.query("SELECT COUNT(*) AS repositories FROM registry_repositories WHERE instance_id = ? AND namespace_name = ?",
                row -> row.getInt("repositories"), instance.value(), namespace.value()).getFirst();
    }

    @Override
    public boolean update(ImageRepository repository) {
        return sql.update("UPDATE registry_repositories SET repo_type = ?, summary = ?, tag_immutability = ?, modified_at = ? WHERE id = ?",
                repository.type().name(), repository.summary(), repository.tagImmutability(), repository.modifiedAt(),
                repository.id().value()) > 0;
    }

    @Override
    public boolean delete(RepositoryId id) {
        return sql.update("DELETE FROM registry_repositories WHERE id = ?", id.value()) > 0;
    }

    private static ImageRepository read(ResultSet row) throws SQLException {
        return new ImageRepository(new RepositoryId(row.getString("id")), new InstanceId(row.getString("instance_id")),
                ImageName.parse(row.getString("full_name")), RepoType.valueOf(row.getString("repo_type")), row.getString("summary"),
                row.getBoolean("tag_immutability"), Sql.instant(row, "created_at"), Sql.instant(row, "modified_at"));
    }
}
