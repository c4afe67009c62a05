package dev.berth.registry.store;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.RepositoryId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The fake's repositories, on the state of one transaction. */
final class InMemoryImageRepositoryRepository implements ImageRepositoryRepository {
    private final InMemoryRegistryStore.State state;

    InMemoryImageRepositoryRepository(InMemoryRegistryStore.State state) {
        this.state = state;
    }

    @Override
    public void insert(ImageRepository repository) {
        state.requireInstance(repository.instance());
        if (!state.namespaces.containsKey(new InMemoryRegistryStore.NamespaceKey(repository.instance(), repository.name().namespace()))) {
            throw new IllegalArgumentException("no namespace `" + repository.name().namespace() + "` in `" + repository.instance() + "`");
        }
        if (state.repositories.containsKey(repository.id())) {
            throw new DuplicateKeyException("repository id `" + repository.id() + "` exists", null);
        }
        if (find(repository.instance(), repository.name()).isPresent()) {
            throw new DuplicateKeyException("repository `" + repository.name() + "` exists in `" + repository.instance() + "`", null);
        }
        state.repositories.put(repository.id(), repository);
    }

    @Override
    public Optional<ImageRepository> find(InstanceId instance, ImageName name) {
        return state.repositories.values().stream()
                .filter(repository -> repository.instance().equals(instance) && repository.name().equals(name))
                .findFirst();
    }

    @Override
    public Optional<ImageRepository> find(RepositoryId id) {
        return Optional.ofNullable(state.repositories.get(id));
    }

    @Override
    public List<ImageRepository> list(InstanceId instance, Optional<NamespaceName> namespace, Optional<ImageName> after, int limit) {
        return state.repositories.values().stream()
                .filter(repository -> repository.instance().equals(instance))
                .filter(repository -> namespace.isEmpty() || repository.name().namespace().equals(namespace.get()))
                .filter(repository -> after.isEmpty() || repository.name().compareTo(after.get()) > 0)
                .sorted(Comparator.comparing(ImageRepository::name))
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public int count(InstanceId instance) {
        return (int) state.repositories.values().stream().filter(repository -> repository.instance().equals(instance)).count();
    }

    @Override
    public int count(InstanceId instance, NamespaceName namespace) {
        return (int) state.repositories.values().stream()
                .filter(repository -> repository.instance().equals(instance) && repository.name().namespace().equals(namespace))
                .count();
    }

    @Override
    public boolean update(ImageRepository repository) {
        ImageRepository existing = state.repositories.get(repository.id());
        if (existing == null) {
            return false;
        }
        state.repositories.put(existing.id(), new ImageRepository(existing.id(), existing.instance(), existing.name(), repository.type(),
                repository.summary(), repository.tagImmutability(), existing.createdAt(), repository.modifiedAt()));
        return true;
    }

    @Override
    public boolean delete(RepositoryId id) {
        return state.deleteRepository(id);
    }
}
