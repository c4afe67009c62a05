package dev.berth.registry.service;

import dev.berth.registry.content.Digest;
import dev.berth.registry.instance.InstanceId;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes, per blob of an instance, the steps that link a blob and those that unlink it and remove
 * its bytes, so that a link never outlives the bytes: without it, a delete could see "linked nowhere",
 * a push or mount then link the blob, and the delete remove the bytes under the new link. Held only
 * around a metadata transaction and a removal, never while bytes stream. Striped: memory stays fixed.
 */
final class DigestLocks {
    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    DigestLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** A step that may do I/O. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws IOException;
    }

    <T> T holding(InstanceId instance, Digest digest, Step<T> step) throws IOException {
        ReentrantLock lock = locks[Math.floorMod(31 * instance.hashCode() + digest.hashCode(), STRIPES)];
        lock.lock();
        try {
            return step.run();
        } finally {
            lock.unlock();
        }
    }
}
