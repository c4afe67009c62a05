package dev.berth.registry.store;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.repository.Namespace;
import java.util.List;
import java.util.Optional;

/**
 * Namespaces. A name is unique within its instance; the names of Personal Edition instances are
 * unique across all of them (registry.md section 1), which {@link #insert} enforces.
 */
public interface NamespaceRepository {
    /** Throws {@link DuplicateKeyException} on a taken name (across every Personal Edition instance for those). */
    void insert(Namespace namespace);

    Optional<Namespace> find(InstanceId instance, NamespaceName name);

    /** The Personal Edition namespace of that name, whichever account holds it. */
    Optional<Namespace> findPersonal(NamespaceName name);

    /** The instance's namespaces, ordered by name. */
    List<Namespace> list(InstanceId instance);

    int count(InstanceId instance);

    /** Replaces {@code autoCreateRepo} and {@code defaultRepoType}; false when absent. */
    boolean update(Namespace namespace);

    boolean delete(InstanceId instance, NamespaceName name);
}
