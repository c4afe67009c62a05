package dev.berth.metadata.jdbc;

import dev.berth.registry.blob.UploadId;
import dev.berth.registry.blob.UploadSession;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.repository.RepositoryId;
import dev.berth.registry.store.UploadRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Upload sessions; equal start times come in id order. */
final class JdbcUploadRepository implements UploadRepository {
    private static final String COLUMNS = "id, instance_id, repository_id, started_at";

    private final Sql sql;

    JdbcUploadRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(UploadSession session) {
        sql.update("INSERT INTO registry_uploads (" + COLUMNS + ") VALUES (?, ?, ?, ?)", session.id().value(), session.instance().value(),
                session.repository().value(), session.startedAt());
    }

    @Override
    public Optional<UploadSession> find(UploadId id) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_uploads WHERE id = ?", JdbcUploadRepository::read, id.value())
                .stream().findFirst();
    }

    @Override
    public boolean delete(UploadId id) {
        return sql.update("DELETE FROM registry_uploads WHERE id = ?", id.value()) > 0;
    }

    /** Locks the repository's row first ({@code FOR UPDATE}): another transaction's count of it waits for this one to end. */
    @Override
    public int count(RepositoryId repository) {
        sql.query("SELECT id FROM registry_repositories WHERE id = ? FOR UPDATE", row -> row.getString("id"), repository.value());
        return sql.query("SELECT COUNT(*) AS uploads FROM registry_uploads WHERE repository_id = ?", row -> row.getInt("uploads"),
                repository.value()).getFirst();
    }

    @Override
    public List<UploadSession> startedBefore(Instant cutoff, int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_uploads WHERE started_at < ? ORDER BY started_at, id LIMIT ?",
                JdbcUploadRepository::read, cutoff, limit);
    }

    private static UploadSession read(ResultSet row) throws SQLException {
        return new UploadSession(new UploadId(row.getString("id")), new InstanceId(row.getString("instance_id")),
                new RepositoryId(row.getString("repository_id")), Sql.instant(row, "started_at"));
    }
}
