package dev.berth.registry.blob;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.repository.RepositoryId;
import java.time.Instant;
import java.util.Objects;

/** Which repository an upload session belongs to (an id used in another repository is refused). */
public record UploadSession(UploadId id, InstanceId instance, RepositoryId repository, Instant startedAt) {
    public UploadSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
