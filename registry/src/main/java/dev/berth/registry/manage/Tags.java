package dev.berth.registry.manage;

import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.manifest.TagEntry;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.store.RegistryStore;
import dev.berth.registry.store.RegistryTransaction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The tags of a repository as the Container Registry API shows them ({@code ListRepoTag}, {@code GetRepoTag}, {@code DeleteRepoTag}). */
public final class Tags {
    private final RegistryStore store;

    public Tags(RegistryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** A tag with the size of its image: the manifest and every blob it references that the repository holds. */
    public record TaggedImage(TagEntry entry, long size) {
        public TaggedImage {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** One page of tags in lexical order, and how many there are. */
    public record Page(List<TaggedImage> images, int totalCount) {
        public Page {
            images = List.copyOf(images);
        }
    }

    public Page list(ImageRepository repository, int pageNumber, int pageSize) {
        return store.inTransaction(transaction -> {
            int total = transaction.tags().count(repository.id());
            List<TagEntry> all = transaction.tags().list(repository.id(), Optional.empty(), Math.min(total, pageNumber * pageSize));
            int from = Math.min(all.size(), (pageNumber - 1) * pageSize);
            return new Page(all.subList(from, all.size()).stream().map(entry -> image(transaction, repository, entry)).toList(), total);
        });
    }

    public TaggedImage find(ImageRepository repository, Tag tag) {
        return store.inTransaction(transaction -> image(transaction, repository, transaction.tags().find(repository.id(), tag)
                .orElseThrow(() -> unknown(tag))));
    }

    /** Removes the tag only; the manifest stays reachable by digest. */
    public void delete(ImageRepository repository, Tag tag) {
        store.inTransaction(transaction -> {
            if (!transaction.tags().delete(repository.id(), tag)) {
                throw unknown(tag);
            }
            return null;
        });
    }

    private static TaggedImage image(RegistryTransaction transaction, ImageRepository repository, TagEntry entry) {
        long size = transaction.manifests().find(repository.id(), entry.digest()).map(manifest -> size(transaction, repository, manifest))
                .orElse(0L);
        return new TaggedImage(entry, size);
    }

    private static long size(RegistryTransaction transaction, ImageRepository repository, StoredManifest manifest) {
        long size = manifest.size();
        for (Digest blob : manifest.blobs()) {
            size += transaction.blobLinks().find(repository.id(), blob).orElse(0L);
        }
        return size;
    }

    private static RegistryException unknown(Tag tag) {
        return new RegistryException(Problem.MANIFEST_UNKNOWN, "tag `" + tag + "` does not exist");
    }
}
