package dev.berth.registry.service;

import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.blob.BlobStore;
import dev.berth.registry.blob.BlobStores;
import dev.berth.registry.blob.BlobUpload;
import dev.berth.registry.blob.DigestMismatchException;
import dev.berth.registry.blob.UploadId;
import dev.berth.registry.blob.UploadSession;
import dev.berth.registry.blob.UploadTooLargeException;
import dev.berth.registry.content.Digest;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.repository.ImageRepository;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Pushing blobs (OCI distribution-spec, pushing blobs; registry.md sections 6 and 7): monolithic,
 * chunked and streamed uploads, cross-repository mounts. A session belongs to one repository; its id
 * used in another is {@code BLOB_UPLOAD_UNKNOWN}, and so is a session that finished, was cancelled or
 * expired. A blob becomes visible (linked in the repository) only after its bytes were committed with a
 * matching digest; on a mismatch nothing is stored and the session ends.
 */
public final class UploadService {
    /** Sessions a repository may hold open at once; the next start is {@code TOO_MANY_UPLOADS}. */
    public static final int MAX_OPEN_UPLOADS_PER_REPOSITORY = 1000;
    /** A session without a write for this long expires (registry.md section 6). */
    public static final Duration IDLE_LIMIT = Duration.ofHours(24);

    private final Transactions transactions;
    private final RepositoryResolver resolver;
    private final BlobStores blobStores;
    private final DigestLocks locks;
    private final UploadSessions sessions;

    UploadService(Transactions transactions, RepositoryResolver resolver, BlobStores blobStores, DigestLocks locks, UploadSessions sessions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.blobStores = Objects.requireNonNull(blobStores, "blobStores");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** What a run of {@link #expireIdle} did: sessions discarded, and sessions whose discarding failed (tried again next run). */
    public record Expiry(int expired, int failed) {
    }

    /** {@code POST}: opens a session, creating the repository when a push may. */
    public UploadStatus start(RepositoryAddress address) throws IOException {
        UploadId id = sessions.newId();
        UploadSession session = transactions.run(transaction -> sessions.insert(transaction, address, id));
        sessions.startBytes(session);
        return new UploadStatus(id, 0);
    }

    /**
     * {@code POST ?mount=&from=}: links the blob when {@code from} (a repository of the same instance)
     * links it and the caller may pull from there ({@code mayPullFrom}, the edge's authorization);
     * otherwise opens a session, as OCI asks. A blob the target already links is "mounted" too.
     */
    public MountResult mount(RepositoryAddress address, Digest digest, Optional<ImageName> from, boolean mayPullFrom) throws IOException {
        UploadId id = sessions.newId();
        MountStep step = locks.holding(address.instance(), digest, () -> transactions.run(transaction -> {
            ImageRepository target = resolver.forPush(transaction, address);
            if (mayPullFrom) {
                Optional<Long> size = transaction.blobLinks().find(target.id(), digest);
                if (size.isEmpty() && from.isPresent()) {
                    size = transaction.repositories().find(address.instance(), from.get())
                            .flatMap(source -> transaction.blobLinks().find(source.id(), digest));
                    size.ifPresent(found -> transaction.blobLinks().link(target.id(), digest, found));
                }
                if (size.isPresent()) {
                    return new MountStep(Optional.of(new BlobInfo(digest, size.get())), Optional.empty());
                }
            }
            return new MountStep(Optional.empty(), Optional.of(sessions.insert(transaction, address, id)));
        }));
        if (step.mounted().isPresent()) {
            return new MountResult.Mounted(step.mounted().get());
        }
        sessions.startBytes(step.started().orElseThrow());
        return new MountResult.Started(new UploadStatus(id, 0));
    }

    private record MountStep(Optional<BlobInfo> mounted, Optional<UploadSession> started) {
    }

    /**
     * {@code POST ?digest=}: the whole blob in one request. {@code declaredSize} (the body's
     * {@code Content-Length}) bounds the body ({@code SIZE_INVALID} past it) and must match.
     */
    public BlobInfo uploadWhole(RepositoryAddress address, Digest digest, InputStream body, Optional<Long> declaredSize)
            throws IOException {
        UploadId id = sessions.newId();
        UploadSession session = transactions.run(transaction -> sessions.insert(transaction, address, id));
        BlobUpload upload = sessions.startBytes(session);
        sessions.claims.claim(id);
        try {
            try {
                upload.append(body, declaredSize);
            } catch (UploadTooLargeException e) {
                throw new RegistryException(Problem.SIZE_INVALID, "the body is longer than its declared " + declaredSize.orElseThrow()
                        + " bytes");
            }
            return commitAndLink(address, session, upload, digest, declaredSize);
        } catch (SessionEndedException e) {
            throw e.refusal();
        } catch (IOException | RuntimeException e) {
            discardQuietly(session, e);
            throw e;
        } finally {
            sessions.claims.release(id);
        }
    }

    /**
     * {@code PATCH}: appends a chunk. With a range, it must start where the upload ends and carry
     * exactly its length ({@code RANGE_INVALID} otherwise: gaps, overlaps, out-of-order chunks); without
     * one, the body is appended whole (a streamed upload).
     */
    public UploadStatus append(RepositoryAddress address, UploadId id, Optional<ChunkRange> range, InputStream body) throws IOException {
        UploadSession session = sessions.find(address, id);
        sessions.claims.claim(id);
        try {
            BlobUpload upload = sessions.bytesOf(address, session);
            return new UploadStatus(id, write(upload, range, body));
        } finally {
            sessions.claims.release(id);
        }
    }

    /** {@code GET}: how many bytes the session holds. */
    public UploadStatus status(RepositoryAddress address, UploadId id) throws IOException {
        UploadSession session = sessions.find(address, id);
        return new UploadStatus(id, sessions.bytesOf(address, session).size());
    }

    /** {@code PUT ?digest=}: appends the final chunk, if any, then commits the blob and links it in the repository. */
    public BlobInfo finish(RepositoryAddress address, UploadId id, Digest digest, Optional<ChunkRange> range, InputStream body)
            throws IOException {
        UploadSession session = sessions.find(address, id);
        sessions.claims.claim(id);
        try {
            BlobUpload upload = sessions.bytesOf(address, session);
            write(upload, range, body);
            return commitAndLink(address, session, upload, digest, Optional.empty());
        } catch (SessionEndedException e) {
            throw e.refusal();
        } finally {
            sessions.claims.release(id);
        }
    }

    /** {@code DELETE}: ends the session and discards its bytes. */
    public void cancel(RepositoryAddress address, UploadId id) throws IOException {
        UploadSession session = sessions.find(address, id);
        sessions.claims.claim(id);
        try {
            sessions.discard(session);
        } finally {
            sessions.claims.release(id);
        }
    }

    /** Discards every session idle for {@link #IDLE_LIMIT}; the server calls it periodically. */
    public Expiry expireIdle() {
        return sessions.expireIdle();
    }

    private static long write(BlobUpload upload, Optional<ChunkRange> range, InputStream body) throws IOException {
        if (range.isEmpty()) {
            return upload.append(body, Optional.empty());
        }
        ChunkRange chunk = range.get();
        long size = upload.size();
        if (chunk.first() != size) {
            throw new RegistryException(Problem.RANGE_INVALID, "chunk `" + chunk + "` does not start where upload `" + upload.id()
                    + "` ends, at byte " + size);
        }
        long newSize;
        try {
            newSize = upload.append(body, Optional.of(chunk.length()));
        } catch (UploadTooLargeException e) {
            throw new RegistryException(Problem.RANGE_INVALID, "chunk is longer than its range `" + chunk + "`");
        }
        if (newSize != chunk.last() + 1) {
            throw new RegistryException(Problem.RANGE_INVALID, "chunk of " + (newSize - size) + " bytes does not fill its range `"
                    + chunk + "`; upload `" + upload.id() + "` now holds " + newSize + " bytes");
        }
        return newSize;
    }

    /**
     * Commits the bytes (durable before this returns), then links the blob and removes the session in
     * one transaction: a crash between leaves unreferenced bytes, never a link without bytes. A refusal
     * after which the session is over (its row already removed) is a {@link SessionEndedException}.
     */
    private BlobInfo commitAndLink(RepositoryAddress address, UploadSession session, BlobUpload upload, Digest digest,
                                   Optional<Long> expectedSize) throws IOException {
        try {
            upload.commit(digest, expectedSize);
        } catch (DigestMismatchException e) {
            transactions.run(transaction -> transaction.uploads().delete(session.id()));
            throw new SessionEndedException(new RegistryException(Problem.DIGEST_INVALID, e.getMessage()));
        }
        BlobStore store = blobStores.of(session.instance());
        return locks.holding(session.instance(), digest, () -> {
            Optional<Long> size = store.size(digest);
            if (size.isEmpty()) {
                transactions.run(transaction -> transaction.uploads().delete(session.id()));
                throw new SessionEndedException(new RegistryException(Problem.BLOB_UPLOAD_INVALID, "blob `" + digest
                        + "` was deleted as upload `" + session.id() + "` finished; push it again"));
            }
            return transactions.run(transaction -> {
                if (transaction.repositories().find(session.repository()).isEmpty()) {
                    throw UploadSessions.unknown(address, session.id());
                }
                transaction.blobLinks().link(session.repository(), digest, size.get());
                transaction.uploads().delete(session.id());
                return new BlobInfo(digest, size.get());
            });
        });
    }

    /** A refusal of {@link #commitAndLink} that already ended the session: nothing is left to discard. */
    private static final class SessionEndedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final RegistryException refusal;

        SessionEndedException(RegistryException refusal) {
            super(refusal.getMessage(), refusal, false, false);
            this.refusal = refusal;
        }

        RegistryException refusal() {
            return refusal;
        }
    }

    private void discardQuietly(UploadSession session, Exception cause) {
        try {
            sessions.discard(session);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
