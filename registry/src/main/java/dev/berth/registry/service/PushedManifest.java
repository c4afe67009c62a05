package dev.berth.registry.service;

import dev.berth.registry.content.Digest;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored manifest's digest (the edge's {@code Docker-Content-Digest} and {@code Location}) and its
 * {@code subject} when it has one (the edge answers {@code OCI-Subject} with it: OCI distribution-spec,
 * pushing manifests with subject).
 */
public record PushedManifest(Digest digest, Optional<Digest> subject) {
    public PushedManifest {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(subject, "subject");
    }
}
