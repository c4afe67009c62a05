package dev.berth.registry.store;

import dev.berth.policy.value.AccountId;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.instance.InstanceName;
import java.util.List;
import java.util.Optional;

/** Instances. Ids and names are unique in the region; an account has at most one Personal Edition instance. */
public interface InstanceRepository {
    /** Throws {@link DuplicateKeyException} on a taken id or name, or a second Personal Edition instance of the account. */
    void insert(Instance instance);

    Optional<Instance> find(InstanceId id);

    Optional<Instance> findByName(InstanceName name);

    Optional<Instance> findPersonal(AccountId account);

    /** The account's instances, ordered by id. */
    List<Instance> list(AccountId account);

    boolean delete(InstanceId id);
}
