package dev.berth.registry.repository;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.ImageName;
import java.time.Instant;
import java.util.Objects;

/**
 * A repository (registry.md section 1); {@code tagImmutability} forbids moving a tag other than
 * {@code latest} to another digest.
 */
public record ImageRepository(RepositoryId id, InstanceId instance, ImageName name, RepoType type, String summary,
                              boolean tagImmutability, Instant createdAt, Instant modifiedAt) {
    public ImageRepository {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
    }
}
