package dev.berth.server.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task on a virtual thread every {@code period} (the first run one period after {@link #start}),
 * until closed. A run that throws is logged and the next one still happens; {@link #close} lets a run
 * under way end for up to 10 seconds, then interrupts it.
 */
final class PeriodicTask implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration period;
    private final Runnable task;
    private final ScheduledExecutorService scheduler;

    PeriodicTask(String name, Duration period, Runnable task) {
        this.name = Objects.requireNonNull(name, "name");
        this.period = Objects.requireNonNull(period, "period");
        this.task = Objects.requireNonNull(task, "task");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period of `" + name + "` must be positive, got " + period);
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("berth-" + name).factory());
    }

    PeriodicTask start() {
        long millis = period.toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    private void runOnce() {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("periodic task `{}` failed; it runs again in {}", name, period, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdown();
        if (scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
            return;
        }
        scheduler.shutdownNow();
        if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("periodic task `{}` did not stop", name);
        }
    }
}
