package dev.berth.registry.store;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.RepositoryId;
import java.util.List;
import java.util.Optional;

/** Repositories, unique by name within their instance. */
public interface ImageRepositoryRepository {
    /** Throws {@link DuplicateKeyException} on a taken id or name. */
    void insert(ImageRepository repository);

    Optional<ImageRepository> find(InstanceId instance, ImageName name);

    Optional<ImageRepository> find(RepositoryId id);

    /**
     * A page of the instance's repositories (of one namespace when given), ordered by full name,
     * those after {@code after} when given.
     */
    List<ImageRepository> list(InstanceId instance, Optional<NamespaceName> namespace, Optional<ImageName> after, int limit);

    int count(InstanceId instance);

    int count(InstanceId instance, NamespaceName namespace);

    /** Replaces type, summary, tag immutability and the modification time; false when absent. */
    boolean update(ImageRepository repository);

    /** Deletes the repository with its tags, manifests, blob links and upload sessions. */
    boolean delete(RepositoryId id);
}
