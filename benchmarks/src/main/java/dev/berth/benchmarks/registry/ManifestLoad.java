package dev.berth.benchmarks.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Figure (d): {@code concurrency} clients send {@code GET} of one manifest by tag, back to back, for a bounded time. */
final class ManifestLoad {
    private ManifestLoad() {
    }

    /** What a run counted: answers with the manifest, other answers and failures, and the latencies of all. */
    record Result(long ok, long failed, double seconds, double medianMillis, double p99Millis) {
        double perSecond() {
            return ok / seconds;
        }
    }

    static Result run(RegistryClient client, String repository, String tag, String digest, int concurrency, Duration duration)
            throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long begin = System.nanoTime();
        long deadline = begin + duration.toNanos();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            latencies.add(new long[0]);
            int slot = w;
            workers.add(Thread.ofVirtual().start(() -> {
                long[] samples = new long[1 << 14];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    boolean answered;
                    try {
                        answered = client.getManifest(repository, tag, digest);
                    } catch (Exception e) {
                        answered = false;
                    }
                    (answered ? ok : failed).incrementAndGet();
                    if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                    }
                    samples[n++] = System.nanoTime() - start;
                }
                latencies.set(slot, Arrays.copyOf(samples, n));
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            return new Result(0, 0, seconds, 0, 0);
        }
        return new Result(ok.get(), failed.get(), seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }
}
