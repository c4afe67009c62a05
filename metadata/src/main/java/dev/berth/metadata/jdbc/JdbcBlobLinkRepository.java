package dev.berth.metadata.jdbc;

import dev.berth.registry.content.Digest;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.repository.RepositoryId;
import dev.berth.registry.store.BlobLinkRepository;
import java.util.Optional;

/** Which repository may see which blob, with its size. */
final class JdbcBlobLinkRepository implements BlobLinkRepository {
    private final Sql sql;

    JdbcBlobLinkRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void link(RepositoryId repository, Digest digest, long size) {
        sql.update("INSERT INTO registry_blob_links (repository_id, digest, blob_size) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                repository.value(), digest.toString(), size);
    }

    @Override
    public Optional<Long> find(RepositoryId repository, Digest digest) {
        return sql.query("SELECT blob_size FROM registry_blob_links WHERE repository_id = ? AND digest = ?", row -> row.getLong("blob_size"),
                repository.value(), digest.toString()).stream().findFirst();
    }

    @Override
    public boolean unlink(RepositoryId repository, Digest digest) {
        return sql.update("DELETE FROM registry_blob_links WHERE repository_id = ? AND digest = ?", repository.value(), digest.toString()) > 0;
    }

    @Override
    public boolean isLinkedAnywhere(InstanceId instance, Digest digest) {
        return !sql.query("SELECT l.repository_id FROM registry_blob_links l JOIN registry_repositories r ON r.id = l.repository_id"
                        + " WHERE r.instance_id = ? AND l.digest = ? LIMIT 1",
                row -> row.getString("repository_id"), instance.value(), digest.toString()).isEmpty();
    }
}
