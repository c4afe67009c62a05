package dev.berth.registry.service;

import static dev.berth.registry.text.Shown.shown;

import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.Descriptor;
import dev.berth.registry.manifest.Manifest;
import dev.berth.registry.manifest.MediaType;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.manifest.TagEntry;
import dev.berth.registry.manifest.wire.ManifestReader;
import dev.berth.registry.name.Reference;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.store.RegistryTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pushing, pulling and deleting manifests (OCI distribution-spec; registry.md sections 1, 6 and 7).
 * A manifest is kept byte for byte; it is accepted only when every blob it names (config, layers) is
 * in the repository with the size it states, and every child of an index is a manifest of the
 * repository ({@code MANIFEST_BLOB_UNKNOWN}), a missing {@code subject} excepted.
 */
public final class ManifestService {
    private final Transactions transactions;
    private final RepositoryResolver resolver;
    private final Clock clock;

    ManifestService(Transactions transactions, RepositoryResolver resolver, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * {@code PUT}: stores the manifest under its digest and, for a tag reference, points the tag at it.
     * A digest reference must be the digest of the bytes ({@code DIGEST_INVALID}); a tag other than
     * {@code latest} of a repository with tag immutability never moves to another digest
     * ({@code TAG_IMMUTABLE}).
     */
    public PushedManifest put(RepositoryAddress address, Reference reference, Optional<MediaType> contentType, byte[] bytes) {
        Manifest manifest = ManifestReader.read(bytes, contentType);
        Digest digest = digestOf(reference, bytes);
        Instant now = clock.instant();
        StoredManifest stored = new StoredManifest(digest, manifest.kind().mediaType().value(), bytes.clone(),
                manifest.referrerArtifactType().map(MediaType::value), manifest.subject().map(Descriptor::digest),
                manifest.requiredBlobs(), manifest.children(), now);
        Optional<Digest> subject = stored.subject();
        return transactions.run(transaction -> {
            ImageRepository repository = resolver.forPush(transaction, address);
            requireReferences(transaction, address, repository, manifest);
            if (reference instanceof Tag tag) {
                requireMovable(transaction, address, repository, tag, digest);
            }
            transaction.manifests().put(repository.id(), stored);
            if (reference instanceof Tag tag) {
                transaction.tags().put(repository.id(), new TagEntry(tag, digest, now));
            }
            return new PushedManifest(digest, subject);
        });
    }

    /** {@code GET}/{@code HEAD}: the manifest a tag points at or of that digest; {@code MANIFEST_UNKNOWN} when none. */
    public StoredManifest find(RepositoryAddress address, Reference reference) {
        return transactions.run(transaction -> {
            ImageRepository repository = resolver.existing(transaction, address);
            Digest digest = switch (reference) {
                case Reference.ByDigest byDigest -> byDigest.digest();
                case Tag tag -> transaction.tags().find(repository.id(), tag).map(TagEntry::digest)
                        .orElseThrow(() -> unknown(address, reference));
            };
            return transaction.manifests().find(repository.id(), digest).orElseThrow(() -> unknown(address, reference));
        });
    }

    /**
     * The refusal of a read or delete by {@code written}, a reference that is neither a tag nor a digest
     * ({@link RequestValues#lookupReference}): it names no manifest, so the answer is that of a tag the
     * repository lacks, {@code MANIFEST_UNKNOWN}, or {@code NAME_UNKNOWN} when there is no repository.
     */
    public RegistryException unknownReference(RepositoryAddress address, String written) {
        return transactions.run(transaction -> {
            resolver.existing(transaction, address);
            return new RegistryException(Problem.MANIFEST_UNKNOWN, "manifest `" + shown(written) + "` is not in repository `" + address.name()
                    + "`: it is neither a tag nor a digest");
        });
    }

    /**
     * {@code DELETE}: by digest, removes the manifest and the tags pointing at it, unless an index of
     * the repository lists it ({@code DELETE_CONFLICT}); by tag, removes only the tag (OCI 1.1).
     */
    public void delete(RepositoryAddress address, Reference reference) {
        transactions.run(transaction -> {
            ImageRepository repository = resolver.existing(transaction, address);
            switch (reference) {
                case Tag tag -> {
                    if (!transaction.tags().delete(repository.id(), tag)) {
                        throw unknown(address, reference);
                    }
                }
                case Reference.ByDigest byDigest -> deleteManifest(transaction, address, repository, byDigest.digest());
            }
            return null;
        });
    }

    private static void deleteManifest(RegistryTransaction transaction, RepositoryAddress address, ImageRepository repository,
                                       Digest digest) {
        if (transaction.manifests().size(repository.id(), digest).isEmpty()) {
            throw unknown(address, new Reference.ByDigest(digest));
        }
        List<Digest> parents = transaction.manifests().parentsOf(repository.id(), digest);
        if (!parents.isEmpty()) {
            throw new RegistryException(Problem.DELETE_CONFLICT, "manifest `" + digest + "` is listed by index `" + parents.getFirst()
                    + "` of repository `" + address.name() + "`; delete the index first");
        }
        transaction.tags().tagsOf(repository.id(), digest).forEach(entry -> transaction.tags().delete(repository.id(), entry.tag()));
        transaction.manifests().delete(repository.id(), digest);
    }

    private static Digest digestOf(Reference reference, byte[] bytes) {
        return switch (reference) {
            case Tag ignored -> Digest.sha256Of(bytes);
            case Reference.ByDigest byDigest -> {
                Digest actual = byDigest.digest().algorithm().digestOf(bytes);
                if (!actual.equals(byDigest.digest())) {
                    throw new RegistryException(Problem.DIGEST_INVALID, "manifest digest is `" + actual + "`, not `"
                            + byDigest.digest() + "` as the reference says");
                }
                yield actual;
            }
        };
    }

    private static void requireReferences(RegistryTransaction transaction, RepositoryAddress address, ImageRepository repository,
                                          Manifest manifest) {
        manifest.config().ifPresent(config -> requireBlob(transaction, address, repository, config, "config"));
        for (int index = 0; index < manifest.layers().size(); index++) {
            Descriptor layer = manifest.layers().get(index);
            if (layer.urls().isEmpty()) {
                requireBlob(transaction, address, repository, layer, "layers[" + index + "]");
            }
        }
        for (int index = 0; index < manifest.manifests().size(); index++) {
            Descriptor child = manifest.manifests().get(index);
            String where = "manifests[" + index + "]";
            long size = transaction.manifests().size(repository.id(), child.digest())
                    .orElseThrow(() -> missing(address, child, where, "manifest"));
            requireSize(child, where, size);
        }
    }

    private static void requireBlob(RegistryTransaction transaction, RepositoryAddress address, ImageRepository repository,
                                    Descriptor descriptor, String where) {
        long size = transaction.blobLinks().find(repository.id(), descriptor.digest())
                .orElseThrow(() -> missing(address, descriptor, where, "blob"));
        requireSize(descriptor, where, size);
    }

    private static void requireSize(Descriptor descriptor, String where, long actual) {
        if (descriptor.size() != actual) {
            throw new RegistryException(Problem.MANIFEST_INVALID, "manifest `" + where + ".size` is " + descriptor.size()
                    + " but `" + descriptor.digest() + "` has " + actual + " bytes");
        }
    }

    private static void requireMovable(RegistryTransaction transaction, RepositoryAddress address, ImageRepository repository, Tag tag,
                                Digest digest) {
        if (!repository.tagImmutability() || tag.isLatest()) {
            return;
        }
        Optional<TagEntry> existing = transaction.tags().find(repository.id(), tag);
        if (existing.isPresent() && !existing.get().digest().equals(digest)) {
            throw new RegistryException(Problem.TAG_IMMUTABLE, "the requested tag already exists and cannot be overwritten: `"
                    + tag + "` of repository `" + address.name() + "` points at `" + existing.get().digest() + "`");
        }
    }

    private static RegistryException missing(RepositoryAddress address, Descriptor descriptor, String where, String what) {
        return new RegistryException(Problem.MANIFEST_BLOB_UNKNOWN, "manifest `" + where + "` names " + what + " `" + descriptor.digest()
                + "`, which is not in repository `" + address.name() + "`");
    }

    static RegistryException unknown(RepositoryAddress address, Reference reference) {
        return new RegistryException(Problem.MANIFEST_UNKNOWN, "manifest `" + reference + "` is not in repository `" + address.name() + "`");
    }
}
