package dev.berth.registry.store;

import dev.berth.registry.blob.UploadId;
import dev.berth.registry.blob.UploadSession;
import dev.berth.registry.repository.RepositoryId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The fake's upload sessions, on the state of one transaction. */
final class InMemoryUploadRepository implements UploadRepository {
    private final InMemoryRegistryStore.State state;

    InMemoryUploadRepository(InMemoryRegistryStore.State state) {
        this.state = state;
    }

    @Override
    public void insert(UploadSession session) {
        state.requireRepository(session.repository());
        if (state.uploads.putIfAbsent(session.id(), session) != null) {
            throw new DuplicateKeyException("upload `" + session.id() + "` exists", null);
        }
    }

    @Override
    public Optional<UploadSession> find(UploadId id) {
        return Optional.ofNullable(state.uploads.get(id));
    }

    @Override
    public boolean delete(UploadId id) {
        return state.uploads.remove(id) != null;
    }

    @Override
    public int count(RepositoryId repository) {
        return (int) state.uploads.values().stream().filter(session -> session.repository().equals(repository)).count();
    }

    @Override
    public List<UploadSession> startedBefore(Instant cutoff, int limit) {
        return state.uploads.values().stream()
                .filter(session -> session.startedAt().isBefore(cutoff))
                .sorted(Comparator.comparing(UploadSession::startedAt).thenComparing(session -> session.id().value()))
                .limit(Math.max(0, limit))
                .toList();
    }
}
