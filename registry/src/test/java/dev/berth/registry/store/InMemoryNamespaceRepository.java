package dev.berth.registry.store;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.repository.Namespace;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The fake's namespaces, on the state of one transaction. */
final class InMemoryNamespaceRepository implements NamespaceRepository {
    private final InMemoryRegistryStore.State state;

    InMemoryNamespaceRepository(InMemoryRegistryStore.State state) {
        this.state = state;
    }

    @Override
    public void insert(Namespace namespace) {
        state.requireInstance(namespace.instance());
        if (state.namespaces.containsKey(key(namespace.instance(), namespace.name()))) {
            throw new DuplicateKeyException("namespace `" + namespace.name() + "` exists in `" + namespace.instance() + "`", null);
        }
        if (namespace.instance().isPersonal() && findPersonal(namespace.name()).isPresent()) {
            throw new DuplicateKeyException("personal namespace `" + namespace.name() + "` is taken", null);
        }
        if (state.namespaces.values().stream().anyMatch(existing -> existing.id().equals(namespace.id()))) {
            throw new DuplicateKeyException("namespace id `" + namespace.id() + "` exists", null);
        }
        state.namespaces.put(key(namespace.instance(), namespace.name()), namespace);
    }

    @Override
    public Optional<Namespace> find(InstanceId instance, NamespaceName name) {
        return Optional.ofNullable(state.namespaces.get(key(instance, name)));
    }

    @Override
    public Optional<Namespace> findPersonal(NamespaceName name) {
        return state.namespaces.values().stream()
                .filter(namespace -> namespace.instance().isPersonal() && namespace.name().equals(name))
                .findFirst();
    }

    @Override
    public List<Namespace> list(InstanceId instance) {
        return state.namespaces.values().stream()
                .filter(namespace -> namespace.instance().equals(instance))
                .sorted(Comparator.comparing(Namespace::name))
                .toList();
    }

    @Override
    public int count(InstanceId instance) {
        return list(instance).size();
    }

    @Override
    public boolean update(Namespace namespace) {
        InMemoryRegistryStore.NamespaceKey key = key(namespace.instance(), namespace.name());
        Namespace existing = state.namespaces.get(key);
        if (existing == null) {
            return false;
        }
        state.namespaces.put(key, new Namespace(existing.id(), existing.instance(), existing.name(), namespace.autoCreateRepo(),
                namespace.defaultRepoType(), existing.createdAt()));
        return true;
    }

    /** Deletes the namespace with its repositories. */
    @Override
    public boolean delete(InstanceId instance, NamespaceName name) {
        state.repositories.values().stream()
                .filter(repository -> repository.instance().equals(instance) && repository.name().namespace().equals(name))
                .map(repository -> repository.id()).toList()
                .forEach(state::deleteRepository);
        return state.namespaces.remove(key(instance, name)) != null;
    }

    private static InMemoryRegistryStore.NamespaceKey key(InstanceId instance, NamespaceName name) {
        return new InMemoryRegistryStore.NamespaceKey(instance, name);
    }
}
