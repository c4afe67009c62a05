package dev.berth.benchmarks.registry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of {@link RegistryComparison}: {@code name=value} arguments. The two registries
 * and Berth's first-start credentials are required; the sizes and counts default to issue 4's.
 *
 * @param berth            Berth's {@code host:port}
 * @param credentials      Berth's {@code bootstrap-credentials} file
 * @param berthPid         the Berth server's process, whose resident memory is sampled
 * @param distribution     Distribution's {@code host:port}
 * @param distributionPid  the Distribution server's process
 * @param blobMiB          (a) and (b): the size of the monolithic blob
 * @param chunkedMiB       (c): the size of the chunked blob
 * @param chunkMiB         (c): the size of a chunk
 * @param seconds          (d): how long the manifest load is measured (after a warm-up of a sixth of it)
 * @param concurrency      (d): how many clients send manifest requests at once
 * @param images           (e): how many small images are pushed
 * @param clients          (e): how many clients push at once
 * @param rounds           how many times every figure is measured; the median is reported
 * @param figures          which figures to measure, letters of {@code abcde} ({@code b} needs {@code a})
 */
record Settings(String berth, Path credentials, long berthPid, String distribution, long distributionPid, int blobMiB, int chunkedMiB,
                int chunkMiB, int seconds, int concurrency, int images, int clients, int rounds, String figures) {
    static final String USAGE = "usage: RegistryComparison berth=HOST:PORT credentials=FILE berth-pid=PID distribution=HOST:PORT "
            + "distribution-pid=PID [blob-mib=1024] [chunked-mib=256] [chunk-mib=8] [seconds=30] [concurrency=32] [images=100] "
            + "[clients=16] [rounds=1] [figures=abcde]";

    Settings {
        requireLoopback(berth, "berth");
        requireLoopback(distribution, "distribution");
        requirePositive(blobMiB, "blob-mib");
        requirePositive(chunkedMiB, "chunked-mib");
        requirePositive(chunkMiB, "chunk-mib");
        requirePositive(seconds, "seconds");
        requirePositive(concurrency, "concurrency");
        requirePositive(images, "images");
        requirePositive(clients, "clients");
        requirePositive(rounds, "rounds");
        if (figures == null || !figures.matches("[abcde]+") || figures.contains("b") && !figures.contains("a")) {
            throw new IllegalArgumentException("figures `" + figures + "` must be letters of `abcde`, with `a` when `b` is there");
        }
    }

    boolean measures(char figure) {
        return figures.indexOf(figure) >= 0;
    }

    static Settings parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("blob-mib", "1024", "chunked-mib", "256", "chunk-mib", "8", "seconds", "30",
                "concurrency", "32", "images", "100", "clients", "16", "rounds", "1", "figures", "abcde"));
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("argument `" + arg + "` is not name=value; " + USAGE);
            }
            values.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        try {
            return new Settings(required(values, "berth"), Path.of(required(values, "credentials")),
                    Long.parseLong(required(values, "berth-pid")), required(values, "distribution"),
                    Long.parseLong(required(values, "distribution-pid")), Integer.parseInt(values.get("blob-mib")),
                    Integer.parseInt(values.get("chunked-mib")), Integer.parseInt(values.get("chunk-mib")),
                    Integer.parseInt(values.get("seconds")), Integer.parseInt(values.get("concurrency")),
                    Integer.parseInt(values.get("images")), Integer.parseInt(values.get("clients")), Integer.parseInt(values.get("rounds")),
                    values.get("figures"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a number is not well-formed (" + e.getMessage() + "); " + USAGE);
        }
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("argument `" + name + "` is required; " + USAGE);
        }
        return value;
    }

    /** The benchmark sends traffic to this machine only. */
    private static void requireLoopback(String address, String name) {
        if (address == null || !address.matches("(127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|localhost|\\[::1]):\\d{1,5}")) {
            throw new IllegalArgumentException(name + " `" + address + "` is not a loopback host:port");
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
