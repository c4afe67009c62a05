package dev.berth.benchmarks.registry;

import dev.berth.benchmarks.server.ProcessCpu;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.benchmarks.server.RpcSigner;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Issue 4, "Speed, side by side with Distribution": the same client drives a running Berth and a
 * running Distribution through (a) a monolithic push of a large blob, (b) its pull, (c) a chunked
 * push, (d) manifest {@code GET}s by tag at high concurrency, Berth's caller being a RAM user with
 * 100 policies, and (e) many small images pushed by concurrent clients; it samples both servers'
 * resident memory throughout and prints a Markdown table with the ratio Berth / Distribution of each
 * figure (above 1: Berth is faster). Usage: see {@link Settings#USAGE}. Bounded in time; talks to
 * the two given loopback addresses only.
 */
public final class RegistryComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIB = 1 << 20;
    /** Issue 4's bound on the Berth server's resident memory while blobs stream through it. */
    private static final long MEMORY_BOUND = 512 * MIB;
    /**
     * Figure (e) spreads its images over at most this many repositories, each made by its first push:
     * Berth's Personal Edition holds at most 300 (registry.md section 1).
     */
    private static final int REPOSITORIES = 100;

    private final Settings settings;
    private final List<Figure> figures = new ArrayList<>();

    private RegistryComparison(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new RegistryComparison(settings).run();
    }

    private void run() throws Exception {
        JsonNode bootstrap = JSON.readTree(Files.readString(settings.credentials()));
        String accountId = bootstrap.get("AccountId").asText();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
             ResidentMemory berthMemory = new ResidentMemory(settings.berthPid());
             ResidentMemory distributionMemory = new ResidentMemory(settings.distributionPid())) {
            BearerTokens accountTokens = BearerTokens.signIn(http, settings.berth(), accountId, bootstrap.get("RegistryPassword").asText());
            Target berth = new Target(Target.Kind.BERTH, new RegistryClient("Berth", http, settings.berth(), accountTokens), berthMemory,
                    new ProcessCpu(settings.berthPid()));
            Target distribution = new Target(Target.Kind.DISTRIBUTION,
                    new RegistryClient("Distribution", http, settings.distribution(), RegistryAuth.NONE), distributionMemory,
                    new ProcessCpu(settings.distributionPid()));
            long idle = berthMemory.restart();
            System.out.printf("Berth's resident memory before the load: %d MB%n", idle >> 20);

            Target berthPuller = berth;
            SmallImage manifestImage = SmallImage.make(4_000_000);
            if (settings.measures('d')) {
                long setupStart = System.nanoTime();
                RamPuller.SignIn puller = RamPuller.create(http, settings.berth(),
                        new RpcSigner(bootstrap.get("AccessKeyId").asText(), bootstrap.get("AccessKeySecret").asText(), null), accountId);
                berthPuller = berth.as(BearerTokens.signIn(http, settings.berth(), puller.userName(), puller.password()));
                System.out.printf(Locale.ROOT, "(d) setup: RAM user %s in %d groups of %d custom policies each, in %.1f s%n",
                        puller.userName(), RamPuller.GROUPS, RamPuller.POLICIES_PER_GROUP, seconds(setupStart));
                for (Target target : List.of(berth, distribution)) {
                    manifestImage.push(target.client(), "library/manifests", "latest");
                }
            }
            if (settings.measures('e')) {
                warmUpSmallImages(List.of(berth, distribution));
            }
            if (settings.measures('a') || settings.measures('c')) {
                warmUpBlobs(List.of(berth, distribution));
            }

            Figure push = figure('a', "(a) monolithic push of a " + settings.blobMiB() + " MiB blob (POST, one PUT)", "MiB/s");
            Figure pull = figure('b', "(b) pull of the " + settings.blobMiB() + " MiB blob, hashed on arrival", "MiB/s");
            Figure chunked = figure('c', "(c) chunked push of " + settings.chunkedMiB() + " MiB in " + settings.chunkMiB()
                    + " MiB chunks (POST, PATCH with Content-Range, PUT)", "MiB/s");
            Figure manifests = figure('d', "(d) manifest GET by tag, concurrency " + settings.concurrency() + ", " + settings.seconds()
                    + " s (Berth: bearer token of a RAM user with 100 policies; Distribution: no auth)", "requests/s");
            Figure images = figure('e', "(e) " + settings.images() + " small images (config, 1-2 layers of 1-64 KiB, manifest; "
                    + "HEAD, POST, PUT per blob) pushed by " + settings.clients() + " clients", "images/s");
            for (int round = 0; round < settings.rounds(); round++) {
                List<Target> order = round % 2 == 0 ? List.of(berth, distribution) : List.of(distribution, berth);
                List<Target> pullers = round % 2 == 0 ? List.of(berthPuller, distribution) : List.of(distribution, berthPuller);
                System.out.printf("round %d of %d%n", round + 1, settings.rounds());
                if (settings.measures('a')) {
                    blobs(order, round, push, settings.measures('b') ? Optional.of(pull) : Optional.empty());
                }
                if (settings.measures('c')) {
                    chunked(order, round, chunked);
                }
                if (settings.measures('d')) {
                    manifests(pullers, manifestImage, manifests);
                }
                if (settings.measures('e')) {
                    smallImages(order, round, images);
                }
            }
            report(berthMemory.max(), distributionMemory.max());
        }
    }

    /** A figure, reported when {@code letter} is among the figures to measure. */
    private Figure figure(char letter, String label, String unit) {
        Figure figure = new Figure(label, unit);
        if (settings.measures(letter)) {
            figures.add(figure);
        }
        return figure;
    }

    private void blobs(List<Target> order, int round, Figure push, Optional<Figure> pull) throws Exception {
        long size = settings.blobMiB() * MIB;
        long digestStart = System.nanoTime();
        Path file = Files.createTempFile("berth-bench-blob", ".bin");
        try {
            BlobBody blob = PseudoRandomBytes.written(1_000 + round, size, file);
            System.out.printf(Locale.ROOT, "(a) the client made, hashed and wrote the %d MiB blob to a file beforehand in %.1f s (%s)%n",
                    settings.blobMiB(), seconds(digestStart), blob.digest());
            blobs(order, blob, push, pull);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void blobs(List<Target> order, BlobBody blob, Figure push, Optional<Figure> pull) throws Exception {
        for (Target target : order) {
            settleDisk();
            target.memory().restart();
            ProcessCpu.Used cpu = target.cpu().used();
            long start = System.nanoTime();
            target.client().pushMonolithic("library/big", blob);
            double elapsed = seconds(start);
            push.add(target, settings.blobMiB() / elapsed, target.withCpu(String.format(Locale.ROOT, "%.1f s", elapsed), cpu),
                    target.memory().restart());
        }
        for (Target target : pull.isPresent() ? order : List.<Target>of()) {
            settleDisk();
            ProcessCpu.Used cpu = target.cpu().used();
            long start = System.nanoTime();
            target.client().pull("library/big", blob);
            double elapsed = seconds(start);
            pull.get().add(target, settings.blobMiB() / elapsed, target.withCpu(String.format(Locale.ROOT, "%.1f s", elapsed), cpu),
                    target.memory().restart());
        }
    }

    private void chunked(List<Target> order, int round, Figure figure) throws Exception {
        Path file = Files.createTempFile("berth-bench-chunked", ".bin");
        try {
            chunked(order, PseudoRandomBytes.written(2_000 + round, settings.chunkedMiB() * MIB, file), figure);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void chunked(List<Target> order, BlobBody blob, Figure figure) throws Exception {
        for (Target target : order) {
            settleDisk();
            target.memory().restart();
            ProcessCpu.Used cpu = target.cpu().used();
            long start = System.nanoTime();
            target.client().pushChunked("library/chunked", blob, settings.chunkMiB() * MIB);
            double elapsed = seconds(start);
            figure.add(target, settings.chunkedMiB() / elapsed, target.withCpu(String.format(Locale.ROOT, "%.1f s", elapsed), cpu),
                    target.memory().restart());
        }
    }

    private void manifests(List<Target> pullers, SmallImage image, Figure figure) throws Exception {
        Duration warmUp = Duration.ofSeconds(Math.max(2, settings.seconds() / 6));
        for (Target target : pullers) {
            ManifestLoad.run(target.client(), "library/manifests", "latest", image.manifestDigest(), settings.concurrency(), warmUp);
            settleDisk();
            target.memory().restart();
            ProcessCpu.Used cpu = target.cpu().used();
            ManifestLoad.Result result = ManifestLoad.run(target.client(), "library/manifests", "latest", image.manifestDigest(),
                    settings.concurrency(), Duration.ofSeconds(settings.seconds()));
            if (result.ok() == 0) {
                throw new IllegalStateException(target.client().name() + ": no manifest GET succeeded (" + result.failed() + " failed)");
            }
            figure.add(target, result.perSecond(), target.withCpu(String.format(Locale.ROOT, "median %.2f ms, p99 %.2f ms%s",
                    result.medianMillis(), result.p99Millis(), result.failed() == 0 ? "" : ", " + result.failed() + " failed"), cpu),
                    target.memory().restart());
        }
    }

    /**
     * Writes out every file's pending data ({@code sync}) before a measurement, so that neither server
     * pays for what the other (or the client) left to write: on ext4 a server's own flush also writes
     * out other files' pending data, and Distribution never flushes, so without this Berth's flushes
     * wrote Distribution's blobs too.
     */
    private static void settleDisk() throws IOException, InterruptedException {
        Process sync = new ProcessBuilder("sync").inheritIO().start();
        if (sync.waitFor() != 0) {
            throw new IOException("`sync` failed with exit status " + sync.exitValue());
        }
    }

    /**
     * Pushes (monolithic and chunked) and pulls a 64 MiB blob on each server first, so that neither
     * meets the first round of figures (a) to (c) cold: a JVM compiles its hot paths in the first
     * seconds, which a long-running registry pays once.
     */
    private void warmUpBlobs(List<Target> targets) throws Exception {
        Path file = Files.createTempFile("berth-bench-warm-up", ".bin");
        try {
            BlobBody blob = PseudoRandomBytes.written(999, 64 * MIB, file);
            for (Target target : targets) {
                target.client().pushMonolithic("library/warm-up", blob);
                target.client().pull("library/warm-up", blob);
                target.client().pushChunked("library/warm-up-chunked", blob, 8 * MIB);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Pushes a few small images to other repositories first, so that no server meets figure (e) cold. */
    private void warmUpSmallImages(List<Target> targets) throws Exception {
        for (Target target : targets) {
            pushImages(target, settings.clients(), i -> SmallImage.make(3_000_000 + i), i -> "library/warm-" + i % 16, i -> "warm-up-" + i);
        }
    }

    private void smallImages(List<Target> order, int round, Figure figure) throws Exception {
        List<SmallImage> made = new ArrayList<>();
        for (int i = 0; i < settings.images(); i++) {
            made.add(SmallImage.make(5_000_000L + round * 100_000L + i));
        }
        for (Target target : order) {
            settleDisk();
            target.memory().restart();
            ProcessCpu.Used cpu = target.cpu().used();
            long start = System.nanoTime();
            pushImages(target, settings.images(), made::get, i -> "library/small-" + i % REPOSITORIES, i -> "r" + round + "-" + i);
            double elapsed = seconds(start);
            figure.add(target, settings.images() / elapsed, target.withCpu(String.format(Locale.ROOT, "%.1f s", elapsed), cpu),
                    target.memory().restart());
        }
    }

    private void pushImages(Target target, int count, IntFunction<SmallImage> images,
                            IntFunction<String> repositories, IntFunction<String> tags) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            clients.add(Thread.ofVirtual().start(() -> {
                for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                    try {
                        images.apply(i).push(target.client(), repositories.apply(i), tags.apply(i));
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void report(long berthMax, long distributionMax) {
        System.out.println();
        System.out.printf("Rates are the median of %d round%s; above 1, Berth is faster. A JVM keeps the heap it has grown, so the "
                + "memory of a figure includes what the figures before it grew.%n%n", settings.rounds(), settings.rounds() == 1 ? "" : "s");
        System.out.println("| figure | Berth | Distribution | Berth / Distribution | Berth's resident memory (max) |");
        System.out.println("|---|---|---|---|---|");
        figures.forEach(figure -> System.out.println(figure.row()));
        System.out.printf("| resident memory of the server, max over the run (sampled every 100 ms) | %d MB | %d MB | — | %s |%n",
                berthMax >> 20, distributionMax >> 20, berthMax < MEMORY_BOUND ? "below the 512 MB bound" : "**over the 512 MB bound**");
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
