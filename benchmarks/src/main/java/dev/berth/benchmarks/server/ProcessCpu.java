package dev.berth.benchmarks.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time, user and system, a process has used so far ({@code /proc/<pid>/stat}, in clock ticks
 * of 10 ms): what a server spent on a figure, a measure that the other processes sharing the cores
 * move far less than they move its elapsed time.
 */
public final class ProcessCpu {
    private static final double SECONDS_PER_TICK = 0.01;
    private final Path stat;

    public ProcessCpu(long pid) {
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isReadable(stat)) {
            throw new IllegalArgumentException("no process `" + pid + "` to measure (" + stat + " is not readable)");
        }
    }

    /** CPU seconds so far, in user code and in the kernel on the process's behalf. */
    public record Used(double user, double system) {
        public Used since(Used before) {
            return new Used(user - before.user, system - before.system);
        }

        public double total() {
            return user + system;
        }
    }

    public Used used() {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new Used(Long.parseLong(fields[11]) * SECONDS_PER_TICK, Long.parseLong(fields[12]) * SECONDS_PER_TICK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
