package dev.berth.storage.fs;

import dev.berth.registry.blob.BlobStore;
import dev.berth.registry.blob.BlobStores;
import dev.berth.registry.instance.InstanceId;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link FileSystemBlobStore} per instance, in {@code <root>/<instance-id>}; the same store
 * object every time, so that the running hashes of its uploads are shared by all requests.
 */
public final class FileSystemBlobStores implements BlobStores {
    private final Path root;
    private final ConcurrentMap<InstanceId, FileSystemBlobStore> stores = new ConcurrentHashMap<>();

    public FileSystemBlobStores(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public BlobStore of(InstanceId instance) {
        Objects.requireNonNull(instance, "instance");
        return stores.computeIfAbsent(instance, id -> new FileSystemBlobStore(root.resolve(id.value())));
    }
}
