package dev.berth.registry.service;

import dev.berth.registry.manifest.Descriptor;
import dev.berth.registry.manifest.wire.ReferrersWriter;
import java.util.List;

/**
 * The manifests that refer to a subject, as descriptors; {@code filtered} says whether an
 * {@code artifactType} filter was applied (the edge answers {@code OCI-Filters-Applied: artifactType}).
 */
public record Referrers(List<Descriptor> manifests, boolean filtered) {
    public Referrers {
        manifests = List.copyOf(manifests);
    }

    /** The answer's body: an OCI image index listing the descriptors. */
    public byte[] toIndexJson() {
        return ReferrersWriter.write(manifests);
    }
}
