package dev.berth.registry.store;

import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.TagEntry;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.RepositoryId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The fake's tags, on the state of one transaction, in lexical order. */
final class InMemoryTagRepository implements TagRepository {
    private final InMemoryRegistryStore.State state;

    InMemoryTagRepository(InMemoryRegistryStore.State state) {
        this.state = state;
    }

    @Override
    public Optional<TagEntry> put(RepositoryId repository, TagEntry entry) {
        state.requireRepository(repository);
        return Optional.ofNullable(state.tags.put(new InMemoryRegistryStore.TagKey(repository, entry.tag()), entry));
    }

    @Override
    public Optional<TagEntry> find(RepositoryId repository, Tag tag) {
        return Optional.ofNullable(state.tags.get(new InMemoryRegistryStore.TagKey(repository, tag)));
    }

    @Override
    public List<TagEntry> list(RepositoryId repository, Optional<Tag> after, int limit) {
        return state.tags.entrySet().stream()
                .filter(entry -> entry.getKey().repository().equals(repository))
                .map(entry -> entry.getValue())
                .filter(entry -> after.isEmpty() || entry.tag().compareTo(after.get()) > 0)
                .sorted(Comparator.comparing(TagEntry::tag))
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public int count(RepositoryId repository) {
        return (int) state.tags.keySet().stream().filter(key -> key.repository().equals(repository)).count();
    }

    @Override
    public List<TagEntry> tagsOf(RepositoryId repository, Digest digest) {
        return state.tags.entrySet().stream()
                .filter(entry -> entry.getKey().repository().equals(repository))
                .map(entry -> entry.getValue())
                .filter(entry -> entry.digest().equals(digest))
                .sorted(Comparator.comparing(TagEntry::tag))
                .toList();
    }

    @Override
    public boolean delete(RepositoryId repository, Tag tag) {
        return state.tags.remove(new InMemoryRegistryStore.TagKey(repository, tag)) != null;
    }
}
