package dev.berth.registry.service;

import dev.berth.registry.name.ImageName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A page of an instance's repository names in lexical order; {@code next} is the {@code last} of the next page when there is one. */
public record CatalogPage(List<ImageName> repositories, Optional<ImageName> next) {
    public CatalogPage {
        repositories = List.copyOf(repositories);
        Objects.requireNonNull(next, "next");
    }
}
