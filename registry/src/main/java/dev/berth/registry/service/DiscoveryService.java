package dev.berth.registry.service;

import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.Descriptor;
import dev.berth.registry.manifest.MediaType;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.manifest.TagEntry;
import dev.berth.registry.manifest.wire.ManifestReader;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.ImageRepository;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Content discovery (OCI distribution-spec): listing tags and listing referrers. */
public final class DiscoveryService {
    private final Transactions transactions;
    private final RepositoryResolver resolver;

    DiscoveryService(Transactions transactions, RepositoryResolver resolver) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Up to {@code size} tags in lexical order after {@code last} (which need not exist); {@code next}
     * is set when more follow. A size of 0 answers an empty page.
     */
    public TagPage tags(RepositoryAddress address, PageSize size, Optional<Tag> last) {
        return transactions.run(transaction -> {
            ImageRepository repository = resolver.existing(transaction, address);
            if (size.value() == 0) {
                return new TagPage(address.name(), List.of(), Optional.empty());
            }
            List<Tag> tags = transaction.tags().list(repository.id(), last, size.value() + 1).stream().map(TagEntry::tag).toList();
            if (tags.size() <= size.value()) {
                return new TagPage(address.name(), tags, Optional.empty());
            }
            List<Tag> page = tags.subList(0, size.value());
            return new TagPage(address.name(), page, Optional.of(page.getLast()));
        });
    }

    /**
     * The manifests of the repository whose {@code subject} is {@code subject}, whether or not the
     * subject exists, filtered by artifact type when one is given (a filter no manifest can have, a
     * malformed one included, matches nothing). The repository must exist ({@code NAME_UNKNOWN}).
     */
    public Referrers referrers(RepositoryAddress address, Digest subject, Optional<String> artifactType) {
        List<StoredManifest> found = transactions.run(transaction -> {
            ImageRepository repository = resolver.existing(transaction, address);
            return transaction.manifests().referrers(repository.id(), subject, artifactType);
        });
        return new Referrers(found.stream().map(DiscoveryService::descriptorOf).toList(), artifactType.isPresent());
    }

    /** The referrer's descriptor; its annotations are read again from its bytes, which were valid when pushed. */
    private static Descriptor descriptorOf(StoredManifest manifest) {
        MediaType mediaType = new MediaType(manifest.mediaType());
        Map<String, String> annotations = ManifestReader.read(manifest.bytes(), Optional.of(mediaType)).annotations();
        return new Descriptor(mediaType, manifest.digest(), manifest.size(), manifest.artifactType().map(MediaType::new), annotations,
                Optional.empty(), List.of());
    }
}
