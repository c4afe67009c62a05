package dev.berth.registry.store;

import dev.berth.registry.blob.UploadId;
import dev.berth.registry.blob.UploadSession;
import dev.berth.registry.content.Digest;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.manifest.TagEntry;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.Namespace;
import dev.berth.registry.repository.RepositoryId;
import java.util.HashMap;
import java.util.Map;

/**
 * A fake {@link RegistryStore} for tests of the layers above: one lock, and each transaction works on
 * a copy of the state that replaces it only when the work returns (so a throwing work leaves nothing).
 * Deleting an instance, a namespace or a repository deletes what it holds, as a foreign key with
 * {@code ON DELETE CASCADE} would; rows that name a missing instance or repository are refused, as a
 * foreign key would refuse them.
 */
public final class InMemoryRegistryStore implements RegistryStore {
    private State state = new State();

    @Override
    public synchronized <T> T inTransaction(Work<T> work) {
        State copy = state.copy();
        T result = work.run(copy);
        state = copy;
        return result;
    }

    record NamespaceKey(InstanceId instance, NamespaceName name) {
    }

    record DigestKey(RepositoryId repository, Digest digest) {
    }

    record TagKey(RepositoryId repository, Tag tag) {
    }

    /** The state of one transaction: flat maps of immutable values, so a copy is a copy of the maps. */
    static final class State implements RegistryTransaction {
        final Map<InstanceId, Instance> instances = new HashMap<>();
        final Map<NamespaceKey, Namespace> namespaces = new HashMap<>();
        final Map<RepositoryId, ImageRepository> repositories = new HashMap<>();
        final Map<DigestKey, StoredManifest> manifests = new HashMap<>();
        final Map<TagKey, TagEntry> tags = new HashMap<>();
        final Map<DigestKey, Long> links = new HashMap<>();
        final Map<UploadId, UploadSession> uploads = new HashMap<>();

        State copy() {
            State copy = new State();
            copy.instances.putAll(instances);
            copy.namespaces.putAll(namespaces);
            copy.repositories.putAll(repositories);
            copy.manifests.putAll(manifests);
            copy.tags.putAll(tags);
            copy.links.putAll(links);
            copy.uploads.putAll(uploads);
            return copy;
        }

        void requireInstance(InstanceId id) {
            if (!instances.containsKey(id)) {
                throw new IllegalArgumentException("no instance `" + id + "`");
            }
        }

        void requireRepository(RepositoryId id) {
            if (!repositories.containsKey(id)) {
                throw new IllegalArgumentException("no repository `" + id + "`");
            }
        }

        /** Removes a repository and everything it holds. */
        boolean deleteRepository(RepositoryId id) {
            manifests.keySet().removeIf(key -> key.repository().equals(id));
            tags.keySet().removeIf(key -> key.repository().equals(id));
            links.keySet().removeIf(key -> key.repository().equals(id));
            uploads.values().removeIf(session -> session.repository().equals(id));
            return repositories.remove(id) != null;
        }

        @Override
        public InstanceRepository instances() {
            return new InMemoryInstanceRepository(this);
        }

        @Override
        public NamespaceRepository namespaces() {
            return new InMemoryNamespaceRepository(this);
        }

        @Override
        public ImageRepositoryRepository repositories() {
            return new InMemoryImageRepositoryRepository(this);
        }

        @Override
        public ManifestRepository manifests() {
            return new InMemoryManifestRepository(this);
        }

        @Override
        public TagRepository tags() {
            return new InMemoryTagRepository(this);
        }

        @Override
        public BlobLinkRepository blobLinks() {
            return new InMemoryBlobLinkRepository(this);
        }

        @Override
        public UploadRepository uploads() {
            return new InMemoryUploadRepository(this);
        }
    }
}
