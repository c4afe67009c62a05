package dev.berth.registry.store;

/**
 * Where the registry's metadata is kept. Every unit of work runs in one transaction: it commits when
 * the work returns and leaves nothing behind when it throws.
 */
public interface RegistryStore {

    <T> T inTransaction(Work<T> work);

    /** A unit of work over the repositories of one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(RegistryTransaction transaction);
    }
}
