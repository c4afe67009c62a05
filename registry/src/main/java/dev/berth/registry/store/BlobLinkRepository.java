package dev.berth.registry.store;

import dev.berth.registry.content.Digest;
import dev.berth.registry.repository.RepositoryId;
import java.util.Optional;

/**
 * Which blobs each repository may see (pushed or mounted into it: registry.md section 6), with their
 * sizes. The bytes themselves live in the instance's {@code BlobStore}, once.
 */
public interface BlobLinkRepository {
    /** Links the blob into the repository; linking it again changes nothing. */
    void link(RepositoryId repository, Digest digest, long size);

    /** The blob's size when the repository may see it. */
    Optional<Long> find(RepositoryId repository, Digest digest);

    boolean unlink(RepositoryId repository, Digest digest);

    /** Whether any repository of the instance still links the blob (before its bytes may go). */
    boolean isLinkedAnywhere(dev.berth.registry.instance.InstanceId instance, Digest digest);
}
