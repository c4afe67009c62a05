package dev.berth.registry.store;

import dev.berth.registry.blob.UploadId;
import dev.berth.registry.blob.UploadSession;
import dev.berth.registry.repository.RepositoryId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Upload sessions and the repository each belongs to; their bytes are in the blob store. */
public interface UploadRepository {
    void insert(UploadSession session);

    Optional<UploadSession> find(UploadId id);

    boolean delete(UploadId id);

    /**
     * The number of open sessions of the repository (the upload service bounds it). Until the
     * transaction ends, another transaction's count of the same repository waits, so that a count and
     * the insert it allows are one step under concurrent starts.
     */
    int count(RepositoryId repository);

    /** Sessions started before {@code cutoff}, oldest first, at most {@code limit}. */
    List<UploadSession> startedBefore(Instant cutoff, int limit);
}
