package dev.berth.registry.store;

/** The fake runs the conformance suite the JDBC store runs, so tests on the fake mean what they say. */
class InMemoryRegistryStoreContractTest extends RegistryStoreContract {
    private final InMemoryRegistryStore store = new InMemoryRegistryStore();

    @Override
    protected RegistryStore store() {
        return store;
    }
}
