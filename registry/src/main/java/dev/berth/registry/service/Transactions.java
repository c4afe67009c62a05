package dev.berth.registry.service;

import dev.berth.registry.store.DuplicateKeyException;
import dev.berth.registry.store.RegistryStore;
import java.util.Objects;

/**
 * Runs the services' units of work. A work that meets a {@link DuplicateKeyException} runs once more in
 * a new transaction: two first pushes to a new repository race to create it (clients push layers in
 * parallel), and the loser then finds the winner's repository.
 */
final class Transactions {
    private final RegistryStore store;

    Transactions(RegistryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    <T> T run(RegistryStore.Work<T> work) {
        try {
            return store.inTransaction(work);
        } catch (DuplicateKeyException e) {
            return store.inTransaction(work);
        }
    }
}
