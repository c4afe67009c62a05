package dev.berth.benchmarks.registry;

import dev.berth.benchmarks.server.ProcessCpu;
import java.util.Objects;

/** One of the two registries under comparison: how to talk to it, the sampler of its server's memory, and its server's CPU time. */
record Target(Kind kind, RegistryClient client, ResidentMemory memory, ProcessCpu cpu) {
    enum Kind { BERTH, DISTRIBUTION }

    Target {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(cpu, "cpu");
    }

    /** {@code detail} followed by the server's CPU time since {@code before}. */
    String withCpu(String detail, ProcessCpu.Used before) {
        ProcessCpu.Used used = cpu.used().since(before);
        return String.format(java.util.Locale.ROOT, "%s, server CPU %.1f s (user %.1f, kernel %.1f)", detail, used.total(), used.user(),
                used.system());
    }

    Target as(RegistryAuth auth) {
        return new Target(kind, client.as(auth), memory, cpu);
    }
}
