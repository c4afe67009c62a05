package dev.berth.server.rpc.signature;

import static dev.berth.server.rpc.signature.NonceRegistry.Registration.FIRST_USE;
import static dev.berth.server.rpc.signature.NonceRegistry.Registration.FULL;
import static dev.berth.server.rpc.signature.NonceRegistry.Registration.SEEN_BEFORE;
import static dev.berth.server.rpc.signature.TestRequests.KEY;
import static dev.berth.server.rpc.signature.TestRequests.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.server.rpc.signature.NonceRegistry.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryNonceRegistryTest {
    private final InMemoryNonceRegistry registry = new InMemoryNonceRegistry();

    @Test
    void aNonceIsRememberedForFifteenMinutesThenForgotten() {
        assertThat(registry.register(KEY, "n", NOW, NOW)).isEqualTo(FIRST_USE);
        assertThat(registry.register(KEY, "n", NOW, NOW.plus(Duration.ofMinutes(15)))).isEqualTo(SEEN_BEFORE);
        assertThat(registry.register(KEY, "n", NOW, NOW.plus(Duration.ofMinutes(15)).plusSeconds(1))).isEqualTo(FIRST_USE);
    }

    @Test
    void aNonceSignedInTheFutureIsRememberedUntilItsTimestampLeavesTheWindow() {
        Instant signedAt = NOW.plus(Duration.ofMinutes(14));

        assertThat(registry.register(KEY, "n", signedAt, NOW)).isEqualTo(FIRST_USE);
        assertThat(registry.register(KEY, "n", signedAt, NOW.plus(Duration.ofMinutes(29)))).isEqualTo(SEEN_BEFORE);
    }

    @Test
    void noncesAreScopedByAccessKey() {
        assertThat(registry.register(KEY, "n", NOW, NOW)).isEqualTo(FIRST_USE);
        assertThat(registry.register(new AccessKeyId("STS.other"), "n", NOW, NOW)).isEqualTo(FIRST_USE);
    }

    @Test
    void aFullRegistryRefusesNewNoncesUntilOldOnesExpire() {
        InMemoryNonceRegistry small = new InMemoryNonceRegistry(Duration.ofMinutes(15), 2);

        assertThat(small.register(KEY, "a", NOW, NOW)).isEqualTo(FIRST_USE);
        assertThat(small.register(KEY, "b", NOW, NOW.plusSeconds(1))).isEqualTo(FIRST_USE);
        assertThat(small.register(KEY, "c", NOW, NOW.plusSeconds(2))).isEqualTo(FULL);
        assertThat(small.register(KEY, "a", NOW, NOW.plusSeconds(2))).isEqualTo(SEEN_BEFORE);
        assertThat(small.register(KEY, "c", NOW, NOW.plus(Duration.ofMinutes(15)).plusMillis(500))).isEqualTo(FIRST_USE);
        assertThat(small.size()).isEqualTo(2);
    }

    @Test
    void expiredNoncesAreSweptAsTimeGoesOn() {
        for (int i = 0; i < 100; i++) {
            registry.register(KEY, "n" + i, NOW, NOW);
        }
        assertThat(registry.size()).isEqualTo(100);

        registry.register(KEY, "later", NOW.plus(Duration.ofMinutes(20)), NOW.plus(Duration.ofMinutes(20)));

        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsOfOneNonceLetExactlyOneThrough() throws Exception {
        int threads = 8;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 200; round++) {
                String nonce = "n" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Registration>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(executor.submit(() -> {
                        start.await();
                        return registry.register(KEY, nonce, NOW, NOW);
                    }));
                }
                start.countDown();
                List<Registration> outcomes = new ArrayList<>();
                for (Future<Registration> result : results) {
                    outcomes.add(result.get());
                }
                assertThat(outcomes).filteredOn(outcome -> outcome == FIRST_USE).hasSize(1);
                assertThat(outcomes).filteredOn(outcome -> outcome == SEEN_BEFORE).hasSize(threads - 1);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aNonPositiveRetentionOrCapacityIsRefused() {
        assertThatThrownBy(() -> new InMemoryNonceRegistry(Duration.ZERO, 1)).hasMessage("retention must be positive, got `PT0S`");
        assertThatThrownBy(() -> new InMemoryNonceRegistry(Duration.ofMinutes(1), 0)).hasMessage("capacity must be positive, got `0`");
    }
}
