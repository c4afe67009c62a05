package dev.berth.registry.manage;

import dev.berth.policy.value.AccountId;
import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.RepoType;
import dev.berth.registry.repository.RepositoryId;
import dev.berth.registry.store.DuplicateKeyException;
import dev.berth.registry.store.RegistryStore;
import dev.berth.registry.store.RegistryTransaction;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Repositories made and changed through the Container Registry API (registry.md sections 1 and 5). */
public final class Repositories {
    private final RegistryStore store;
    private final SecureRandom random;

    public Repositories(RegistryStore store, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** What may change on a repository; empty keeps the current value. */
    public record Changes(Optional<RepoType> type, Optional<String> summary, Optional<Boolean> tagImmutability) {
        public Changes {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(tagImmutability, "tagImmutability");
        }
    }

    public ImageRepository create(AccountId account, InstanceId instanceId, ImageName name, RepoType type, String summary,
                                  boolean tagImmutability, Instant now) {
        checkSummary(summary);
        ImageRepository repository = new ImageRepository(RepositoryId.random(random), instanceId, name, type, summary, tagImmutability,
                now, now);
        try {
            return store.inTransaction(transaction -> {
                Instance instance = Namespaces.instanceOf(transaction, account, instanceId);
                transaction.namespaces().find(instanceId, name.namespace()).orElseThrow(() -> Namespaces.unknown(name.namespace()));
                int quota = instance.type().repositoryQuota();
                if (transaction.repositories().count(instanceId) >= quota) {
                    throw new RegistryException(Problem.QUOTA_EXCEEDED, "instance `" + instanceId + "` already has its " + quota
                            + " repositories");
                }
                if (transaction.repositories().find(instanceId, name).isPresent()) {
                    throw taken(name);
                }
                transaction.repositories().insert(repository);
                return repository;
            });
        } catch (DuplicateKeyException e) {
            throw taken(name);
        }
    }

    public ImageRepository find(AccountId account, InstanceId instance, ImageName name) {
        return store.inTransaction(transaction -> find(transaction, account, instance, name));
    }

    /** The account's repository of that id in the instance; {@code NAME_UNKNOWN} when there is none. */
    public ImageRepository find(AccountId account, InstanceId instance, RepositoryId id) {
        return store.inTransaction(transaction -> {
            Namespaces.instanceOf(transaction, account, instance);
            return transaction.repositories().find(id).filter(repository -> repository.instance().equals(instance))
                    .orElseThrow(() -> new RegistryException(Problem.NAME_UNKNOWN, "repository `" + id + "` does not exist"));
        });
    }

    /** A page of the instance's repositories, of one namespace when given, by full name; with the total. */
    public Page list(AccountId account, InstanceId instance, Optional<NamespaceName> namespace, int pageNumber, int pageSize) {
        return store.inTransaction(transaction -> {
            Namespaces.instanceOf(transaction, account, instance);
            int total = namespace.map(ns -> transaction.repositories().count(instance, ns))
                    .orElseGet(() -> transaction.repositories().count(instance));
            List<ImageRepository> all = transaction.repositories().list(instance, namespace, Optional.empty(),
                    Math.min(total, pageNumber * pageSize));
            int from = Math.min(all.size(), (pageNumber - 1) * pageSize);
            return new Page(all.subList(from, all.size()), total);
        });
    }

    /** One page of repositories and how many there are in all. */
    public record Page(List<ImageRepository> repositories, int totalCount) {
        public Page {
            repositories = List.copyOf(repositories);
        }
    }

    public ImageRepository update(AccountId account, InstanceId instance, ImageName name, Changes changes, Instant now) {
        changes.summary().ifPresent(Repositories::checkSummary);
        return store.inTransaction(transaction -> {
            ImageRepository current = find(transaction, account, instance, name);
            ImageRepository changed = new ImageRepository(current.id(), instance, name, changes.type().orElse(current.type()),
                    changes.summary().orElse(current.summary()), changes.tagImmutability().orElse(current.tagImmutability()),
                    current.createdAt(), now);
            transaction.repositories().update(changed);
            return changed;
        });
    }

    public void delete(AccountId account, InstanceId instance, ImageName name) {
        store.inTransaction(transaction -> transaction.repositories().delete(find(transaction, account, instance, name).id()));
    }

    private static ImageRepository find(RegistryTransaction transaction, AccountId account, InstanceId instance, ImageName name) {
        Namespaces.instanceOf(transaction, account, instance);
        return transaction.repositories().find(instance, name).orElseThrow(() -> new RegistryException(Problem.NAME_UNKNOWN,
                "repository `" + name + "` does not exist"));
    }

    private static void checkSummary(String summary) {
        if (summary.length() > 100) {
            throw new RegistryException(Problem.PARAMETER_INVALID, "`Summary` must be at most 100 characters");
        }
    }

    private static RegistryException taken(ImageName name) {
        return new RegistryException(Problem.ALREADY_EXISTS, "repository `" + name + "` already exists");
    }
}
