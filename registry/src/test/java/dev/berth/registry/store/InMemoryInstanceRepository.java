package dev.berth.registry.store;

import dev.berth.policy.value.AccountId;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.instance.InstanceName;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The fake's instances, on the state of one transaction. */
final class InMemoryInstanceRepository implements InstanceRepository {
    private final InMemoryRegistryStore.State state;

    InMemoryInstanceRepository(InMemoryRegistryStore.State state) {
        this.state = state;
    }

    @Override
    public void insert(Instance instance) {
        if (state.instances.containsKey(instance.id())) {
            throw new DuplicateKeyException("instance `" + instance.id() + "` exists", null);
        }
        if (findByName(instance.name()).isPresent()) {
            throw new DuplicateKeyException("instance name `" + instance.name() + "` is taken", null);
        }
        if (instance.type().isPersonal() && findPersonal(instance.account()).isPresent()) {
            throw new DuplicateKeyException("account `" + instance.account() + "` has a personal instance", null);
        }
        state.instances.put(instance.id(), instance);
    }

    @Override
    public Optional<Instance> find(InstanceId id) {
        return Optional.ofNullable(state.instances.get(id));
    }

    @Override
    public Optional<Instance> findByName(InstanceName name) {
        return state.instances.values().stream().filter(instance -> instance.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Instance> findPersonal(AccountId account) {
        return state.instances.values().stream()
                .filter(instance -> instance.type().isPersonal() && instance.account().equals(account))
                .findFirst();
    }

    @Override
    public List<Instance> list(AccountId account) {
        return state.instances.values().stream()
                .filter(instance -> instance.account().equals(account))
                .sorted(Comparator.comparing(Instance::id))
                .toList();
    }

    @Override
    public boolean delete(InstanceId id) {
        state.repositories.values().stream().filter(repository -> repository.instance().equals(id))
                .map(repository -> repository.id()).toList()
                .forEach(state::deleteRepository);
        state.namespaces.keySet().removeIf(key -> key.instance().equals(id));
        return state.instances.remove(id) != null;
    }
}
