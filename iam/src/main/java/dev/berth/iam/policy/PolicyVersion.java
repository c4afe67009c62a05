package dev.berth.iam.policy;

import java.time.Instant;
import java.util.Objects;

/** One version of a policy: its id ({@code v3}), its document's text as given, and when it was made. */
public record PolicyVersion(String versionId, String document, Instant createdAt) {
    public PolicyVersion {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
