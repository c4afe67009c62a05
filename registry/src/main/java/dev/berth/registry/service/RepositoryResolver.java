package dev.berth.registry.service;

import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.Namespace;
import dev.berth.registry.repository.RepositoryId;
import dev.berth.registry.store.RegistryTransaction;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the repository a request names (registry.md section 1). A push (upload start, mount or
 * manifest put) to a repository that does not exist creates it when its namespace has
 * {@code AutoCreateRepo}, with the namespace's {@code DefaultRepoType}, within the instance's
 * repository quota; a push never creates a namespace.
 */
final class RepositoryResolver {
    private final Clock clock;
    private final SecureRandom random;

    RepositoryResolver(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The repository, or {@code NAME_UNKNOWN}. */
    ImageRepository existing(RegistryTransaction transaction, RepositoryAddress address) {
        return transaction.repositories().find(address.instance(), address.name())
                .orElseThrow(() -> unknown(address));
    }

    /** The repository, created when the rules above allow it; {@code NAME_UNKNOWN} or {@code QUOTA_EXCEEDED} otherwise. */
    ImageRepository forPush(RegistryTransaction transaction, RepositoryAddress address) {
        Optional<ImageRepository> existing = transaction.repositories().find(address.instance(), address.name());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instance instance = transaction.instances().find(address.instance()).orElseThrow(() -> unknown(address));
        NamespaceName namespaceName = address.name().namespace();
        Namespace namespace = transaction.namespaces().find(address.instance(), namespaceName)
                .orElseThrow(() -> new RegistryException(Problem.NAME_UNKNOWN, "repository `" + address.name()
                        + "` does not exist, nor does its namespace `" + namespaceName + "`, which a push does not create"));
        if (!namespace.autoCreateRepo()) {
            throw new RegistryException(Problem.NAME_UNKNOWN, "repository `" + address.name() + "` does not exist and namespace `"
                    + namespaceName + "` does not create repositories on push");
        }
        int quota = instance.type().repositoryQuota();
        if (transaction.repositories().count(address.instance()) >= quota) {
            throw new RegistryException(Problem.QUOTA_EXCEEDED, "repository `" + address.name() + "` cannot be created: instance `"
                    + address.instance() + "` has its quota of " + quota + " repositories");
        }
        Instant now = clock.instant();
        ImageRepository created = new ImageRepository(RepositoryId.random(random), address.instance(), address.name(),
                namespace.defaultRepoType(), "", false, now, now);
        transaction.repositories().insert(created);
        return created;
    }

    static RegistryException unknown(RepositoryAddress address) {
        return new RegistryException(Problem.NAME_UNKNOWN, "repository `" + address.name() + "` does not exist");
    }
}
