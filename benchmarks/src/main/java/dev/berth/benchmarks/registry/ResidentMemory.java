package dev.berth.benchmarks.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the resident memory ({@code VmRSS} of {@code /proc/<pid>/status}) of a process every
 * {@code 100 ms} from a daemon thread, keeping the largest value since the last {@link #restart} and
 * over the whole run.
 */
final class ResidentMemory implements AutoCloseable {
    private static final long PERIOD_MILLIS = 100;

    private final Path status;
    private final AtomicLong phaseMax = new AtomicLong();
    private final AtomicLong runMax = new AtomicLong();
    private final Thread sampler;

    ResidentMemory(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            throw new IllegalArgumentException("no process `" + pid + "` to sample (" + status + " is not readable)");
        }
        this.sampler = Thread.ofPlatform().daemon().name("rss-" + pid).start(this::sample);
    }

    /** The largest sample in bytes since the last call (or the start), and starts a new phase. */
    long restart() {
        record();
        return phaseMax.getAndSet(0);
    }

    /** The largest sample in bytes over the whole run. */
    long max() {
        record();
        return runMax.get();
    }

    @Override
    public void close() {
        sampler.interrupt();
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            record();
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void record() {
        long bytes = read();
        phaseMax.accumulateAndGet(bytes, Math::max);
        runMax.accumulateAndGet(bytes, Math::max);
    }

    private long read() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
