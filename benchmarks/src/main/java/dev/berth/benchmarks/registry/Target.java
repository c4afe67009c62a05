package dev.berth.benchmarks.registry;

import java.util.Objects;

/** One of the two registries under comparison: how to talk to it and the sampler of its server's memory. */
record Target(Kind kind, RegistryClient client, ResidentMemory memory) {
    enum Kind { BERTH, DISTRIBUTION }

    Target {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(memory, "memory");
    }

    Target as(RegistryAuth auth) {
        return new Target(kind, client.as(auth), memory);
    }
}
