package dev.berth.registry.service;

import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.Tag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A page of a repository's tags in lexical order; {@code next} is the {@code last} of the next page when there is one. */
public record TagPage(ImageName name, List<Tag> tags, Optional<Tag> next) {
    public TagPage {
        Objects.requireNonNull(name, "name");
        tags = List.copyOf(tags);
        Objects.requireNonNull(next, "next");
    }
}
