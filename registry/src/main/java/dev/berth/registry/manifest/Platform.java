package dev.berth.registry.manifest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The platform of an index entry (OCI image-spec, image index: {@code platform}). */
public record Platform(String architecture, String os, Optional<String> osVersion, List<String> osFeatures, Optional<String> variant) {
    public Platform {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(osVersion, "osVersion");
        osFeatures = List.copyOf(osFeatures);
        Objects.requireNonNull(variant, "variant");
    }
}
