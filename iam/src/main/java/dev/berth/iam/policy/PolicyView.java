package dev.berth.iam.policy;

import java.time.Instant;
import java.util.Objects;

/** A system or custom policy as the API shows it, with its default version's document. */
public record PolicyView(PolicyType type, String name, String description, String defaultVersion, String document,
                         Instant createdAt, Instant updatedAt, int attachmentCount, boolean highRisk) {
    public PolicyView {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultVersion, "defaultVersion");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
