package dev.berth.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {
    @Test
    void runsEveryPeriodOnAVirtualThreadAndNeverAfterClose() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch threeRuns = new CountDownLatch(3);
        AtomicInteger virtual = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("test", Duration.ofMillis(20), () -> {
            if (Thread.currentThread().isVirtual()) {
                virtual.incrementAndGet();
            }
            runs.incrementAndGet();
            threeRuns.countDown();
        }).start();
        assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
        task.close();
        int afterClose = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).isEqualTo(afterClose);
        assertThat(virtual.get()).isEqualTo(afterClose);
    }

    @Test
    void aRunThatThrowsDoesNotStopTheNextOnes() throws Exception {
        CountDownLatch twoRuns = new CountDownLatch(2);
        try (PeriodicTask task = new PeriodicTask("failing", Duration.ofMillis(10), () -> {
            twoRuns.countDown();
            throw new IllegalStateException("failing on purpose");
        }).start()) {
            assertThat(twoRuns.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theFirstRunWaitsOnePeriod() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (PeriodicTask task = new PeriodicTask("slow", Duration.ofHours(1), runs::incrementAndGet).start()) {
            Thread.sleep(50);
        }
        assertThat(runs.get()).isZero();
    }

    @Test
    void aPeriodMustBePositive() {
        assertThatThrownBy(() -> new PeriodicTask("zero", Duration.ZERO, () -> { }))
                .hasMessage("the period of `zero` must be positive, got PT0S");
    }
}
