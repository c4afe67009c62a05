package dev.berth.registry.manage;

import dev.berth.policy.value.AccountId;
import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.Namespace;
import dev.berth.registry.repository.NamespaceId;
import dev.berth.registry.repository.RepoType;
import dev.berth.registry.store.DuplicateKeyException;
import dev.berth.registry.store.RegistryStore;
import dev.berth.registry.store.RegistryTransaction;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Namespaces of an account's instances (registry.md section 1): quotas by instance type; Personal
 * Edition names unique across the region. Deleting a namespace deletes its repositories (as in ACR).
 */
public final class Namespaces {
    private final RegistryStore store;
    private final SecureRandom random;

    public Namespaces(RegistryStore store, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
    }

    public Namespace create(AccountId account, InstanceId instanceId, NamespaceName name, boolean autoCreateRepo, RepoType defaultRepoType,
                            Instant now) {
        Namespace namespace = new Namespace(NamespaceId.random(random), instanceId, name, autoCreateRepo, defaultRepoType, now);
        try {
            return store.inTransaction(transaction -> {
                Instance instance = instanceOf(transaction, account, instanceId);
                int quota = instance.type().namespaceQuota();
                if (transaction.namespaces().count(instanceId) >= quota) {
                    throw new RegistryException(Problem.QUOTA_EXCEEDED, "instance `" + instanceId + "` already has its " + quota
                            + " namespaces");
                }
                if (transaction.namespaces().find(instanceId, name).isPresent()
                        || instance.type().isPersonal() && transaction.namespaces().findPersonal(name).isPresent()) {
                    throw taken(name);
                }
                transaction.namespaces().insert(namespace);
                return namespace;
            });
        } catch (DuplicateKeyException e) {
            throw taken(name);
        }
    }

    public Namespace find(AccountId account, InstanceId instance, NamespaceName name) {
        return store.inTransaction(transaction -> {
            instanceOf(transaction, account, instance);
            return transaction.namespaces().find(instance, name).orElseThrow(() -> unknown(name));
        });
    }

    public List<Namespace> list(AccountId account, InstanceId instance) {
        return store.inTransaction(transaction -> {
            instanceOf(transaction, account, instance);
            return transaction.namespaces().list(instance);
        });
    }

    /** Changes {@code AutoCreateRepo} and {@code DefaultRepoType} where given. */
    public Namespace update(AccountId account, InstanceId instance, NamespaceName name, Optional<Boolean> autoCreateRepo,
                            Optional<RepoType> defaultRepoType) {
        return store.inTransaction(transaction -> {
            instanceOf(transaction, account, instance);
            Namespace current = transaction.namespaces().find(instance, name).orElseThrow(() -> unknown(name));
            Namespace changed = new Namespace(current.id(), instance, name, autoCreateRepo.orElse(current.autoCreateRepo()),
                    defaultRepoType.orElse(current.defaultRepoType()), current.createdAt());
            transaction.namespaces().update(changed);
            return changed;
        });
    }

    public void delete(AccountId account, InstanceId instance, NamespaceName name) {
        store.inTransaction(transaction -> {
            instanceOf(transaction, account, instance);
            transaction.namespaces().find(instance, name).orElseThrow(() -> unknown(name));
            List<ImageRepository> repositories;
            do {
                repositories = transaction.repositories().list(instance, Optional.of(name), Optional.empty(), 500);
                repositories.forEach(repository -> transaction.repositories().delete(repository.id()));
            } while (!repositories.isEmpty());
            return transaction.namespaces().delete(instance, name);
        });
    }

    static Instance instanceOf(RegistryTransaction transaction, AccountId account, InstanceId id) {
        return transaction.instances().find(id).filter(instance -> instance.account().equals(account))
                .orElseThrow(() -> Instances.unknown(id));
    }

    static RegistryException unknown(NamespaceName name) {
        return new RegistryException(Problem.NAMESPACE_UNKNOWN, "namespace `" + name + "` does not exist");
    }

    private static RegistryException taken(NamespaceName name) {
        return new RegistryException(Problem.ALREADY_EXISTS, "namespace `" + name + "` already exists");
    }
}
