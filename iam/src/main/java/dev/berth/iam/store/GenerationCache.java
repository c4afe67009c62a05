package dev.berth.iam.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was derived from the identity store, by key, each value valid at the {@link
 * IdentityStore#generation() generation} it was read at and at no other. Bounded: past its capacity it
 * starts over, which costs a read each, never a stale answer.
 */
public final class GenerationCache<K, V> {
    private final int capacity;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public GenerationCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a cache holds at least one value, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** The value kept for {@code key} if it was read at {@code generation}. */
    public Optional<V> get(K key, long generation) {
        Entry<V> entry = entries.get(key);
        return entry != null && entry.generation() == generation ? Optional.of(entry.value()) : Optional.empty();
    }

    /** Keeps {@code value}, read at {@code generation}, for {@code key}; a full cache is emptied first. */
    public void put(K key, long generation, V value) {
        if (entries.size() >= capacity && !entries.containsKey(key)) {
            entries.clear();
        }
        entries.put(key, new Entry<>(generation, value));
    }

    /** How many values are kept, of any generation. */
    public int size() {
        return entries.size();
    }

    private record Entry<V>(long generation, V value) {
    }
}
