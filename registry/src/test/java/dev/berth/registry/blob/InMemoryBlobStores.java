package dev.berth.registry.blob;

import dev.berth.registry.instance.InstanceId;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** A fake {@link BlobStores}: one {@link InMemoryBlobStore} per instance, made on first use, all on one clock. */
public final class InMemoryBlobStores implements BlobStores {
    private final Clock clock;
    private final Map<InstanceId, InMemoryBlobStore> stores = new ConcurrentHashMap<>();

    public InMemoryBlobStores(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public InMemoryBlobStore of(InstanceId instance) {
        return stores.computeIfAbsent(instance, ignored -> new InMemoryBlobStore(clock));
    }
}
