package dev.berth.registry.store;

import dev.berth.registry.content.Digest;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.repository.RepositoryId;
import java.util.Optional;

/** The fake's blob links, on the state of one transaction. */
final class InMemoryBlobLinkRepository implements BlobLinkRepository {
    private final InMemoryRegistryStore.State state;

    InMemoryBlobLinkRepository(InMemoryRegistryStore.State state) {
        this.state = state;
    }

    @Override
    public void link(RepositoryId repository, Digest digest, long size) {
        state.requireRepository(repository);
        state.links.putIfAbsent(new InMemoryRegistryStore.DigestKey(repository, digest), size);
    }

    @Override
    public Optional<Long> find(RepositoryId repository, Digest digest) {
        return Optional.ofNullable(state.links.get(new InMemoryRegistryStore.DigestKey(repository, digest)));
    }

    @Override
    public boolean unlink(RepositoryId repository, Digest digest) {
        return state.links.remove(new InMemoryRegistryStore.DigestKey(repository, digest)) != null;
    }

    @Override
    public boolean isLinkedAnywhere(InstanceId instance, Digest digest) {
        return state.links.keySet().stream()
                .filter(key -> key.digest().equals(digest))
                .map(key -> state.repositories.get(key.repository()))
                .anyMatch(repository -> repository != null && repository.instance().equals(instance));
    }
}
