package dev.berth.registry.store;

import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.repository.RepositoryId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The fake's manifests, on the state of one transaction; referrers and parents come in digest order. */
final class InMemoryManifestRepository implements ManifestRepository {
    private final InMemoryRegistryStore.State state;

    InMemoryManifestRepository(InMemoryRegistryStore.State state) {
        this.state = state;
    }

    @Override
    public void put(RepositoryId repository, StoredManifest manifest) {
        state.requireRepository(repository);
        state.manifests.putIfAbsent(new InMemoryRegistryStore.DigestKey(repository, manifest.digest()), manifest);
    }

    @Override
    public Optional<StoredManifest> find(RepositoryId repository, Digest digest) {
        return Optional.ofNullable(state.manifests.get(new InMemoryRegistryStore.DigestKey(repository, digest)));
    }

    @Override
    public Optional<Long> size(RepositoryId repository, Digest digest) {
        return find(repository, digest).map(StoredManifest::size);
    }

    @Override
    public boolean delete(RepositoryId repository, Digest digest) {
        return state.manifests.remove(new InMemoryRegistryStore.DigestKey(repository, digest)) != null;
    }

    @Override
    public List<StoredManifest> referrers(RepositoryId repository, Digest subject, Optional<String> artifactType) {
        return state.manifests.entrySet().stream()
                .filter(entry -> entry.getKey().repository().equals(repository))
                .map(entry -> entry.getValue())
                .filter(manifest -> manifest.subject().equals(Optional.of(subject)))
                .filter(manifest -> artifactType.isEmpty() || manifest.artifactType().equals(artifactType))
                .sorted(Comparator.comparing(StoredManifest::digest))
                .toList();
    }

    @Override
    public List<Digest> parentsOf(RepositoryId repository, Digest child) {
        return state.manifests.entrySet().stream()
                .filter(entry -> entry.getKey().repository().equals(repository))
                .map(entry -> entry.getValue())
                .filter(manifest -> manifest.children().contains(child))
                .map(StoredManifest::digest)
                .sorted()
                .toList();
    }
}
