package dev.berth.iam.store;

import dev.berth.iam.resourcegroup.ResourceGroup;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import java.util.List;
import java.util.Optional;

/** Resource groups of accounts. */
public interface ResourceGroupRepository {
    /** {@link DuplicateEntityException} when the id, or the name in the account, is taken. */
    void insert(ResourceGroup group);

    Optional<ResourceGroup> find(AccountId account, ResourceGroupId id);

    List<ResourceGroup> list(AccountId account);

    boolean delete(AccountId account, ResourceGroupId id);
}
