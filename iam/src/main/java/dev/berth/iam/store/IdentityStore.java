package dev.berth.iam.store;

/**
 * Where identities are kept. Every unit of work runs in one transaction: it commits when the work
 * returns and leaves nothing behind when it throws (iam-api.md: every API action is one transaction).
 */
public interface IdentityStore {

    <T> T inTransaction(Work<T> work);

    /** A unit of work over the repositories of one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(IdentityTransaction transaction);
    }
}
