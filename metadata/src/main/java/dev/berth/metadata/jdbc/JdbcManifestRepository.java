package dev.berth.metadata.jdbc;

import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.repository.RepositoryId;
import dev.berth.registry.store.ManifestRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Manifests, their bytes kept as pushed; the blobs and children each references are rows of
 * {@code registry_manifest_references} (in order), so that {@link #parentsOf} is a query.
 */
final class JdbcManifestRepository implements ManifestRepository {
    private static final String COLUMNS = "digest, media_type, content, artifact_type, subject, pushed_at";
    private static final String BLOB = "blob";
    private static final String CHILD = "child";

    private final Sql sql;

    JdbcManifestRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void put(RepositoryId repository, StoredManifest manifest) {
        int inserted = sql.update("INSERT INTO registry_manifests (repository_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                repository.value(), manifest.digest().toString(), manifest.mediaType(), manifest.bytes(), manifest.artifactType().orElse(null),
                manifest.subject().map(Digest::toString).orElse(null), manifest.pushedAt());
        if (inserted == 0) {
            return;
        }
        insertReferences(repository, manifest.digest(), BLOB, manifest.blobs());
        insertReferences(repository, manifest.digest(), CHILD, manifest.children());
    }

    @Override
    public Optional<StoredManifest> find(RepositoryId repository, Digest digest) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_manifests WHERE repository_id = ? AND digest = ?", JdbcManifestRepository::read,
                repository.value(), digest.toString()).stream().findFirst().map(row -> withReferences(repository, row));
    }

    @Override
    public Optional<Long> size(RepositoryId repository, Digest digest) {
        return sql.query("SELECT OCTET_LENGTH(content) AS size FROM registry_manifests WHERE repository_id = ? AND digest = ?",
                row -> row.getLong("size"), repository.value(), digest.toString()).stream().findFirst();
    }

    @Override
    public boolean delete(RepositoryId repository, Digest digest) {
        return sql.update("DELETE FROM registry_manifests WHERE repository_id = ? AND digest = ?", repository.value(), digest.toString()) > 0;
    }

    @Override
    public List<StoredManifest> referrers(RepositoryId repository, Digest subject, Optional<String> artifactType) {
        List<Object> parameters = new ArrayList<>(List.of(repository.value(), subject.toString()));
        artifactType.ifPresent(parameters::add);
        return sql.query("SELECT " + COLUMNS + " FROM registry_manifests WHERE repository_id = ? AND subject = ?"
                                + (artifactType.isPresent() ? " AND artifact_type = ?" : "") + " ORDER BY digest",
                        JdbcManifestRepository::read, parameters.toArray())
                .stream().map(row -> withReferences(repository, row)).toList();
    }

    @Override
    public List<Digest> parentsOf(RepositoryId repository, Digest child) {
        return sql.query("SELECT DISTINCT manifest FROM registry_manifest_references WHERE repository_id = ? AND target = ? AND kind = ?"
                + " ORDER BY manifest", row -> Digest.parse(row.getString("manifest")), repository.value(), child.toString(), CHILD);
    }

    private void insertReferences(RepositoryId repository, Digest manifest, String kind, List<Digest> targets) {
        for (int i = 0; i < targets.size(); i++) {
            sql.update("INSERT INTO registry_manifest_references (repository_id, manifest, kind, seq, target) VALUES (?, ?, ?, ?, ?)",
                    repository.value(), manifest.toString(), kind, i, targets.get(i).toString());
        }
    }

    private StoredManifest withReferences(RepositoryId repository, Row row) {
        List<Digest> blobs = new ArrayList<>();
        List<Digest> children = new ArrayList<>();
        sql.query("SELECT kind, target FROM registry_manifest_references WHERE repository_id = ? AND manifest = ? ORDER BY kind, seq",
                        reference -> (BLOB.equals(reference.getString("kind")) ? blobs : children)
                                .add(Digest.parse(reference.getString("target"))),
                        repository.value(), row.digest().toString());
        return new StoredManifest(row.digest(), row.mediaType(), row.bytes(), row.artifactType(), row.subject(), blobs, children,
                row.pushedAt());
    }

    private static Row read(ResultSet row) throws SQLException {
        return new Row(Digest.parse(row.getString("digest")), row.getString("media_type"), row.getBytes("content"),
                Optional.ofNullable(row.getString("artifact_type")), Optional.ofNullable(row.getString("subject")).map(Digest::parse),
                Sql.instant(row, "pushed_at"));
    }

    /** A manifest's row, before its references are read. */
    private record Row(Digest digest, String mediaType, byte[] bytes, Optional<String> artifactType, Optional<Digest> subject,
                       Instant pushedAt) {
    }
}
