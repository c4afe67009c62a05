package dev.berth.registry.repository;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.NamespaceName;
import java.time.Instant;
import java.util.Objects;

/** A namespace of an instance (registry.md section 1). */
public record Namespace(NamespaceId id, InstanceId instance, NamespaceName name, boolean autoCreateRepo, RepoType defaultRepoType,
                        Instant createdAt) {
    public Namespace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultRepoType, "defaultRepoType");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
