package dev.berth.registry.service;

import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.blob.BlobStores;
import dev.berth.registry.blob.BlobUpload;
import dev.berth.registry.blob.UploadId;
import dev.berth.registry.blob.UploadSession;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.store.RegistryTransaction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Upload sessions: a row in the store binding the id to its repository, and the bytes in the
 * instance's blob store. The row is written first and removed last, so every session of a blob store
 * has a row, and a row whose bytes are missing (a crash between) reads as an unknown session and is
 * removed by expiry.
 */
final class UploadSessions {
    private static final int EXPIRY_BATCH = 500;

    private final Transactions transactions;
    private final RepositoryResolver resolver;
    private final BlobStores blobStores;
    private final Clock clock;
    private final SecureRandom random;
    final UploadClaims claims = new UploadClaims();

    UploadSessions(Transactions transactions, RepositoryResolver resolver, BlobStores blobStores, Clock clock, SecureRandom random) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.blobStores = Objects.requireNonNull(blobStores, "blobStores");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A fresh random (version 4) UUID from the injected generator. */
    UploadId newId() {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        raw[6] = (byte) (raw[6] & 0x0f | 0x40);
        raw[8] = (byte) (raw[8] & 0x3f | 0x80);
        bytes.put(raw).flip();
        return new UploadId(new UUID(bytes.getLong(), bytes.getLong()).toString());
    }

    /** Records a new session of the repository (made if the push may make it), within the per-repository limit. */
    UploadSession insert(RegistryTransaction transaction, RepositoryAddress address, UploadId id) {
        ImageRepository repository = resolver.forPush(transaction, address);
        if (transaction.uploads().count(repository.id()) >= UploadService.MAX_OPEN_UPLOADS_PER_REPOSITORY) {
            throw new RegistryException(Problem.TOO_MANY_UPLOADS, "repository `" + address.name() + "` has "
                    + UploadService.MAX_OPEN_UPLOADS_PER_REPOSITORY + " open uploads; finish or cancel some, or wait for idle ones to expire");
        }
        UploadSession session = new UploadSession(id, address.instance(), repository.id(), clock.instant());
        transaction.uploads().insert(session);
        return session;
    }

    /** Starts the bytes of a recorded session and returns them; removes the row when that fails. */
    BlobUpload startBytes(UploadSession session) throws IOException {
        try {
            return blobStores.of(session.instance()).startUpload(session.id());
        } catch (IOException | RuntimeException e) {
            transactions.run(transaction -> transaction.uploads().delete(session.id()));
            throw e;
        }
    }

    /** The session of that repository, or {@code NAME_UNKNOWN} / {@code BLOB_UPLOAD_UNKNOWN}. */
    UploadSession find(RepositoryAddress address, UploadId id) {
        return transactions.run(transaction -> {
            ImageRepository repository = resolver.existing(transaction, address);
            return transaction.uploads().find(id)
                    .filter(session -> session.repository().equals(repository.id()) && session.instance().equals(address.instance()))
                    .orElseThrow(() -> unknown(address, id));
        });
    }

    /** The bytes of a live session; one whose bytes are gone or idle past the limit is discarded and unknown. */
    BlobUpload bytesOf(RepositoryAddress address, UploadSession session) throws IOException {
        Optional<BlobUpload> upload = blobStores.of(session.instance()).findUpload(session.id());
        if (upload.isEmpty() || isIdle(upload.get(), idleCutoff())) {
            discard(session);
            throw unknown(address, session.id());
        }
        return upload.get();
    }

    /** Ends the session: its bytes, then its row. */
    void discard(UploadSession session) throws IOException {
        Optional<BlobUpload> upload = blobStores.of(session.instance()).findUpload(session.id());
        if (upload.isPresent()) {
            upload.get().cancel();
        }
        transactions.run(transaction -> transaction.uploads().delete(session.id()));
    }

    /** Discards sessions idle for {@link UploadService#IDLE_LIMIT}, skipping those a request is working on. */
    UploadService.Expiry expireIdle() {
        Instant cutoff = idleCutoff();
        int expired = 0;
        int failed = 0;
        while (true) {
            List<UploadSession> candidates = transactions.run(transaction -> transaction.uploads().startedBefore(cutoff, EXPIRY_BATCH));
            int expiredNow = 0;
            for (UploadSession session : candidates) {
                try {
                    if (expireIfIdle(session, cutoff)) {
                        expiredNow++;
                    }
                } catch (IOException | RuntimeException e) {
                    failed++;
                }
            }
            expired += expiredNow;
            if (candidates.size() < EXPIRY_BATCH || expiredNow == 0) {
                return new UploadService.Expiry(expired, failed);
            }
        }
    }

    private boolean expireIfIdle(UploadSession session, Instant cutoff) throws IOException {
        if (!claims.tryClaim(session.id())) {
            return false;
        }
        try {
            Optional<BlobUpload> upload = blobStores.of(session.instance()).findUpload(session.id());
            if (upload.isPresent() && !isIdle(upload.get(), cutoff)) {
                return false;
            }
            discard(session);
            return true;
        } finally {
            claims.release(session.id());
        }
    }

    private Instant idleCutoff() {
        return clock.instant().minus(UploadService.IDLE_LIMIT);
    }

    private static boolean isIdle(BlobUpload upload, Instant cutoff) throws IOException {
        return !upload.lastActivity().isAfter(cutoff);
    }

    static RegistryException unknown(RepositoryAddress address, UploadId id) {
        return new RegistryException(Problem.BLOB_UPLOAD_UNKNOWN, "upload `" + id + "` is not open in repository `" + address.name() + "`");
    }
}
