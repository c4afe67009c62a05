package dev.berth.server.registry.e2e;

import org.junit.jupiter.api.BeforeAll;

/** A {@link RunningRegistry} and its first start's account, driven the way its owner would ({@link RegistryAccount}). */
abstract class RunningAccount extends RunningRegistry {
    RegistryAccount account;

    @BeforeAll
    void openAccount() throws Exception {
        account = RegistryAccount.of(started);
    }
}
