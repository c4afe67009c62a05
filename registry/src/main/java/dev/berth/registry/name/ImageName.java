package dev.berth.registry.name;

import static dev.berth.registry.text.Shown.shown;

import java.util.Objects;

/**
 * The name of a repository as clients write it after the instance part: {@code <namespace>/<repository>},
 * at most 255 characters in all (OCI distribution-spec).
 */
public record ImageName(NamespaceName namespace, RepositoryPath repository) implements Comparable<ImageName> {
    public ImageName {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(repository, "repository");
    }

    /** Splits {@code juzhong/team/app} at its first slash; throws {@link InvalidNameException} saying what is wrong. */
    public static ImageName parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidNameException("repository name is missing");
        }
        if (text.length() > 255) {
            throw new InvalidNameException("repository name `" + shown(text) + "` is longer than 255 characters");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new InvalidNameException("repository name `" + text + "` must be `<namespace>/<repository>`");
        }
        return new ImageName(new NamespaceName(text.substring(0, slash)), new RepositoryPath(text.substring(slash + 1)));
    }

    @Override
    public int compareTo(ImageName other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return namespace + "/" + repository;
    }
}
