package dev.berth.iam.store;

/**
 * Where identities are kept. Every unit of work runs in one transaction: it commits when the work
 * returns and leaves nothing behind when it throws (iam-api.md: every API action is one transaction).
 */
public interface IdentityStore {

    <T> T inTransaction(Work<T> work);

    /**
     * A number that changes whenever a transaction that changed anything commits, read on every node
     * from the store itself: what was derived from the store at one generation stays true while the
     * generation is the same. Read it before deriving, so that a change racing with the work shows as
     * a newer generation. Adding a role session alone does not move it (every {@code AssumeRole} adds
     * one, and its key was never read, so nothing derived can be stale); ending or deleting sessions
     * does.
     */
    long generation();

    /** A unit of work over the repositories of one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(IdentityTransaction transaction);
    }
}
