package dev.berth.registry.store;

import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.repository.RepositoryId;
import java.util.List;
import java.util.Optional;

/** The manifests of each repository, by digest. */
public interface ManifestRepository {
    /** Stores the manifest in the repository; storing the same digest again changes nothing. */
    void put(RepositoryId repository, StoredManifest manifest);

    Optional<StoredManifest> find(RepositoryId repository, Digest digest);

    /** The byte count of the manifest in the repository, without reading its bytes or references; empty when it is not there. */
    Optional<Long> size(RepositoryId repository, Digest digest);

    boolean delete(RepositoryId repository, Digest digest);

    /** The manifests of the repository whose {@code subject} is that digest, filtered by artifact type when given. */
    List<StoredManifest> referrers(RepositoryId repository, Digest subject, Optional<String> artifactType);

    /** The index manifests of the repository that list that digest among their children. */
    List<Digest> parentsOf(RepositoryId repository, Digest child);
}
