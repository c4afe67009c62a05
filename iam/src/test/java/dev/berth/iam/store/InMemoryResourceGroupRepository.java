package dev.berth.iam.store;

import dev.berth.iam.resourcegroup.ResourceGroup;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import java.util.List;
import java.util.Optional;

/** The fake's ResourceGroupRepository, on the state of one transaction. */
final class InMemoryResourceGroupRepository implements ResourceGroupRepository {
    private final InMemoryIdentityStore.State state;

    InMemoryResourceGroupRepository(InMemoryIdentityStore.State state) {
        this.state = state;
    }

    @Override
    public void insert(ResourceGroup group) {
        boolean nameTaken = state.resourceGroups.values().stream()
                .anyMatch(other -> other.account().equals(group.account()) && other.name().equals(group.name()));
        if (nameTaken || state.resourceGroups.putIfAbsent(group.id(), group) != null) {
            throw new DuplicateEntityException("resource group exists", null);
        }
    }

    @Override
    public Optional<ResourceGroup> find(AccountId account, ResourceGroupId id) {
        return Optional.ofNullable(state.resourceGroups.get(id)).filter(group -> group.account().equals(account));
    }

    @Override
    public List<ResourceGroup> list(AccountId account) {
        return state.resourceGroups.values().stream().filter(group -> group.account().equals(account)).toList();
    }

    @Override
    public boolean delete(AccountId account, ResourceGroupId id) {
        return find(account, id).isPresent() && state.resourceGroups.remove(id) != null;
    }
}
