package dev.berth.registry.blob;

import dev.berth.registry.instance.InstanceId;

/** The blob store of each instance (an instance may keep its blobs in a bucket of its own: service-roles.md). */
@FunctionalInterface
public interface BlobStores {
    BlobStore of(InstanceId instance);
}
