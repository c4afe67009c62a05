package dev.berth.registry.manage;

import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.instance.InstanceName;
import dev.berth.registry.instance.InstanceStatus;
import dev.berth.registry.instance.InstanceType;
import dev.berth.registry.store.DuplicateKeyException;
import dev.berth.registry.store.RegistryStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The instances of an account (registry.md section 1): one Personal Edition at most, Enterprise Edition ones by name. */
public final class Instances {
    private final RegistryStore store;
    private final SecureRandom random;

    public Instances(RegistryStore store, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Creates an instance. A Personal Edition instance is named after the account when no name is
     * given; a second one is {@code ALREADY_EXISTS}, as is an instance name taken in the region.
     */
    public Instance create(AccountId account, Optional<InstanceName> name, InstanceType type, ResourceGroupId resourceGroup,
                           Instant now) {
        InstanceName chosen = name.orElseGet(() -> {
            if (!type.isPersonal()) {
                throw new RegistryException(Problem.PARAMETER_INVALID, "`InstanceName` is required for an Enterprise Edition instance");
            }
            return new InstanceName("personal-" + account.value());
        });
        Instance instance = new Instance(InstanceId.random(random, type.isPersonal()), account, chosen, type, InstanceStatus.RUNNING,
                resourceGroup, now);
        try {
            store.inTransaction(transaction -> {
                if (type.isPersonal() && transaction.instances().findPersonal(account).isPresent()) {
                    throw new RegistryException(Problem.ALREADY_EXISTS, "the account already has a Personal Edition instance");
                }
                if (transaction.instances().findByName(chosen).isPresent()) {
                    throw new RegistryException(Problem.ALREADY_EXISTS, "instance name `" + chosen + "` is taken");
                }
                transaction.instances().insert(instance);
                return instance;
            });
        } catch (DuplicateKeyException e) {
            throw new RegistryException(Problem.ALREADY_EXISTS, "instance name `" + chosen + "` is taken, or the account already has"
                    + " a Personal Edition instance");
        }
        return instance;
    }

    public List<Instance> list(AccountId account) {
        return store.inTransaction(transaction -> transaction.instances().list(account));
    }

    /** The account's instance with that id; {@code INSTANCE_UNKNOWN} for an instance of another account, as for none. */
    public Instance find(AccountId account, InstanceId id) {
        return store.inTransaction(transaction -> transaction.instances().find(id))
                .filter(instance -> instance.account().equals(account))
                .orElseThrow(() -> unknown(id));
    }

    public Optional<Instance> personalOf(AccountId account) {
        return store.inTransaction(transaction -> transaction.instances().findPersonal(account));
    }

    static RegistryException unknown(InstanceId id) {
        return new RegistryException(Problem.INSTANCE_UNKNOWN, "instance `" + id + "` does not exist");
    }
}
