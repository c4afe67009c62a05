package dev.berth.iam.store;

/** The fake runs the same conformance suite as the real stores. */
class InMemoryIdentityStoreTest extends IdentityStoreContract {
    private final InMemoryIdentityStore store = new InMemoryIdentityStore();

    @Override
    protected IdentityStore store() {
        return store;
    }
}
