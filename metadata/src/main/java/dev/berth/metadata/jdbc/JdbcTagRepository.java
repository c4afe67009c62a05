package dev.berth.metadata.jdbc;

import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.TagEntry;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.RepositoryId;
import dev.berth.registry.store.TagRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Tags, ordered by code point (the column's collation, V8). */
final class JdbcTagRepository implements TagRepository {
    private static final String COLUMNS = "tag, digest, updated_at";

    private final Sql sql;

    JdbcTagRepository(Sql sql) {
        this.sql = sql;
    }

    /** Locks the tag's row while it moves; a tag created meanwhile by another transaction is moved in turn. */
    @Override
    public Optional<TagEntry> put(RepositoryId repository, TagEntry entry) {
        while (true) {
            Optional<TagEntry> previous = sql.query("SELECT " + COLUMNS + " FROM registry_tags WHERE repository_id = ? AND tag = ? FOR UPDATE",
                    JdbcTagRepository::read, repository.value(), entry.tag().value()).stream().findFirst();
            if (previous.isPresent()) {
                sql.update("UPDATE registry_tags SET digest = ?, updated_at = ? WHERE repository_id = ? AND tag = ?",
                        entry.digest().toString(), entry.updatedAt(), repository.value(), entry.tag().value());
                return previous;
            }
            if (sql.update("INSERT INTO registry_tags (repository_id, " + COLUMNS + ") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    repository.value(), entry.tag().value(), entry.digest().toString(), entry.updatedAt()) > 0) {
                return Optional.empty();
            }
        }
    }

    @Override
    public Optional<TagEntry> find(RepositoryId repository, Tag tag) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_tags WHERE repository_id = ? AND tag = ?", JdbcTagRepository::read,
                repository.value(), tag.value()).stream().findFirst();
    }

    @Override
    public List<TagEntry> list(RepositoryId repository, Optional<Tag> after, int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_tags WHERE repository_id = ? AND tag > ? ORDER BY tag LIMIT ?",
                JdbcTagRepository::read, repository.value(), after.map(Tag::value).orElse(""), limit);
    }

    @Override
    public int count(RepositoryId repository) {
        return sql.query("SELECT COUNT(*) AS tags FROM registry_tags WHERE repository_id = ?", row -> row.getInt("tags"), repository.value())
                .getFirst();
    }

    @Override
    public List<TagEntry> tagsOf(RepositoryId repository, Digest digest) {
        return sql.query("SELECT " + COLUMNS + " FROM registry_tags WHERE repository_id = ? AND digest = ? ORDER BY tag",
                JdbcTagRepository::read, repository.value(), digest.toString());
    }

    @Override
    public boolean delete(RepositoryId repository, Tag tag) {
        return sql.update("DELETE FROM registry_tags WHERE repository_id = ? AND tag = ?", repository.value(), tag.value()) > 0;
    }

    private static TagEntry read(ResultSet row) throws SQLException {
        return new TagEntry(new Tag(row.getString("tag")), Digest.parse(row.getString("digest")), Sql.instant(row, "updated_at"));
    }
}
