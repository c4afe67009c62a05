package dev.berth.registry.service;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.ImageName;
import java.util.Objects;

/** The repository a {@code /v2} request names: an instance (from the host or the path) and an image name in it. */
public record RepositoryAddress(InstanceId instance, ImageName name) {
    public RepositoryAddress {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return instance + "/" + name;
    }
}
