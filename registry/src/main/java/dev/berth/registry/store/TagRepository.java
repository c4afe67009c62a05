package dev.berth.registry.store;

import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.TagEntry;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.RepositoryId;
import java.util.List;
import java.util.Optional;

/** Tags of each repository. */
public interface TagRepository {
    /** Points the tag at the entry's digest, creating or moving it; returns what it pointed at before. */
    Optional<TagEntry> put(RepositoryId repository, TagEntry entry);

    Optional<TagEntry> find(RepositoryId repository, Tag tag);

    /** Up to {@code limit} tags in lexical order, those after {@code after} when given. */
    List<TagEntry> list(RepositoryId repository, Optional<Tag> after, int limit);

    int count(RepositoryId repository);

    /** The tags pointing at that digest. */
    List<TagEntry> tagsOf(RepositoryId repository, Digest digest);

    boolean delete(RepositoryId repository, Tag tag);
}
