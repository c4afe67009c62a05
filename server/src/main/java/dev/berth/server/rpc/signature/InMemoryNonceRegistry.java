package dev.berth.server.rpc.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link NonceRegistry} in memory, for one server process. Thread-safe. Memory is bounded: at most
 * {@code capacity} nonces (overshot by at most the number of threads registering at once); when it
 * is full of live nonces, new ones are refused ({@link Registration#FULL}) rather than forgetting
 * live ones, which would let a replay through. Expired nonces are swept at most once a minute, and
 * whenever the registry is full.
 */
public final class InMemoryNonceRegistry implements NonceRegistry {
    /** How long a nonce is remembered: the timestamp window of iam-api.md section 3. */
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(15);
    /** Room for 1000 requests a second over the retention and a half; about 250 bytes each. */
    public static final int DEFAULT_CAPACITY = 1_000_000;
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private record Key(String accessKeyId, String nonce) {
    }

    private final Duration retention;
    private final int capacity;
    private final ConcurrentHashMap<Key, Instant> expiries = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    public InMemoryNonceRegistry() {
        this(DEFAULT_RETENTION, DEFAULT_CAPACITY);
    }

    public InMemoryNonceRegistry(Duration retention, int capacity) {
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, got `" + retention + "`");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got `" + capacity + "`");
        }
        this.capacity = capacity;
    }

    @Override
    public Registration register(AccessKeyId accessKeyId, String nonce, Instant signedAt, Instant now) {
        Key key = new Key(accessKeyId.value(), Objects.requireNonNull(nonce, "nonce"));
        Instant expiry = (signedAt.isAfter(now) ? signedAt : now).plus(retention);
        sweepIfDue(now);
        Instant known = expiries.get(key);
        if (known != null && !now.isAfter(known)) {
            return Registration.SEEN_BEFORE;
        }
        if (known == null && expiries.mappingCount() >= capacity) {
            sweep(now);
            if (expiries.mappingCount() >= capacity) {
                return Registration.FULL;
            }
        }
        boolean[] registered = {false};
        expiries.compute(key, (unused, current) -> {
            if (current == null || now.isAfter(current)) {
                registered[0] = true;
                return expiry;
            }
            return current;
        });
        return registered[0] ? Registration.FIRST_USE : Registration.SEEN_BEFORE;
    }

    /** How many nonces are held, expired ones not yet swept included. */
    public long size() {
        return expiries.mappingCount();
    }

    private void sweepIfDue(Instant now) {
        Instant due = nextSweep.get();
        if (!now.isBefore(due) && nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            sweep(now);
        }
    }

    /** Removes every expired nonce; a nonce re-registered meanwhile keeps its new expiry. */
    private void sweep(Instant now) {
        expiries.values().removeIf(expiry -> now.isAfter(expiry));
    }
}
