package dev.berth.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.store.DuplicateKeyException;
import dev.berth.registry.store.InMemoryRegistryStore;
import dev.berth.registry.store.RegistryStore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransactionsTest {
    private final AtomicInteger runs = new AtomicInteger();
    private final RegistryStore store = new InMemoryRegistryStore();

    @Test
    void aWorkThatMeetsADuplicateKeyRunsOnceMoreInANewTransaction() {
        String result = new Transactions(store).run(transaction -> {
            if (runs.incrementAndGet() == 1) {
                throw new DuplicateKeyException("raced", null);
            }
            return "second run";
        });

        assertThat(result).isEqualTo("second run");
        assertThat(runs).hasValue(2);
    }

    @Test
    void aSecondDuplicateKeyIsTheCallersAndOtherFailuresAreNotRetried() {
        assertThatThrownBy(() -> new Transactions(store).run(transaction -> {
            runs.incrementAndGet();
            throw new DuplicateKeyException("always", null);
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(runs).hasValue(2);

        runs.set(0);
        assertThatThrownBy(() -> new Transactions(store).run(transaction -> {
            runs.incrementAndGet();
            throw new IllegalStateException("other");
        })).hasMessage("other");
        assertThat(runs).hasValue(1);
    }
}
