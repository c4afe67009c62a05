package dev.berth.iam.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A policy that counts for a principal, with the version evaluated: for a custom policy its default
 * version's id and document; for a system policy nothing (its document is built in).
 */
public record EffectivePolicy(PolicyType type, String name, Optional<String> resourceGroup, Optional<PolicyVersion> defaultVersion) {
    public EffectivePolicy {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(defaultVersion, "defaultVersion");
    }
}
