package dev.berth.registry.service;

import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.blob.BlobContent;
import dev.berth.registry.blob.BlobStores;
import dev.berth.registry.content.Digest;
import dev.berth.registry.repository.ImageRepository;
import java.io.IOException;
import java.util.Objects;

/**
 * Blobs as a repository sees them (registry.md section 6): only those pushed or mounted into it; a
 * blob of another repository is {@code BLOB_UNKNOWN}, even to a {@code HEAD}.
 */
public final class BlobService {
    private final Transactions transactions;
    private final RepositoryResolver resolver;
    private final BlobStores blobStores;
    private final DigestLocks locks;

    BlobService(Transactions transactions, RepositoryResolver resolver, BlobStores blobStores, DigestLocks locks) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.blobStores = Objects.requireNonNull(blobStores, "blobStores");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    /** The blob's size ({@code HEAD}); {@code NAME_UNKNOWN} or {@code BLOB_UNKNOWN}. */
    public BlobInfo stat(RepositoryAddress address, Digest digest) {
        return transactions.run(transaction -> {
            ImageRepository repository = resolver.existing(transaction, address);
            long size = transaction.blobLinks().find(repository.id(), digest).orElseThrow(() -> unknown(address, digest));
            return new BlobInfo(digest, size);
        });
    }

    /** Opens the blob's bytes ({@code GET}); the caller closes them. */
    public BlobContent open(RepositoryAddress address, Digest digest) throws IOException {
        stat(address, digest);
        return blobStores.of(address.instance()).open(digest).orElseThrow(() -> unknown(address, digest));
    }

    /**
     * Unlinks the blob from the repository ({@code DELETE}); its bytes go when no repository of the
     * instance links it any more. The unlink commits before the bytes go: a crash between leaves
     * unreferenced bytes, never a link without bytes.
     */
    public void delete(RepositoryAddress address, Digest digest) throws IOException {
        locks.holding(address.instance(), digest, () -> {
            boolean stillLinked = transactions.run(transaction -> {
                ImageRepository repository = resolver.existing(transaction, address);
                if (!transaction.blobLinks().unlink(repository.id(), digest)) {
                    throw unknown(address, digest);
                }
                return transaction.blobLinks().isLinkedAnywhere(address.instance(), digest);
            });
            if (!stillLinked) {
                blobStores.of(address.instance()).delete(digest);
            }
            return null;
        });
    }

    static RegistryException unknown(RepositoryAddress address, Digest digest) {
        return new RegistryException(Problem.BLOB_UNKNOWN, "blob `" + digest + "` is not in repository `" + address.name() + "`");
    }
}
