package dev.berth.server.registry;

import dev.berth.server.registry.DistributionRoute.Shape;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code /v2} path taken apart: its shape, the repository name as written (with any instance part),
 * and the last segment (reference, digest or upload id). The name is checked by the caller; here only
 * the things no name may hold are refused: empty segments ({@code //}), dot segments, encoded characters.
 */
public record DistributionPath(Shape shape, Optional<String> name, Optional<String> last) {
    public DistributionPath {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(last, "last");
    }

    /** Takes apart the raw (undecoded) path; empty when it is not a {@code /v2} path of any shape. */
    public static Optional<DistributionPath> parse(String rawPath) {
        if (rawPath.equals("/v2/") || rawPath.equals("/v2")) {
            return Optional.of(new DistributionPath(Shape.BASE, Optional.empty(), Optional.empty()));
        }
        if (rawPath.equals("/v2/_catalog")) {
            return Optional.of(new DistributionPath(Shape.CATALOG, Optional.empty(), Optional.empty()));
        }
        if (!rawPath.startsWith("/v2/")) {
            return Optional.empty();
        }
        String rest = rawPath.substring(4);
        if (rest.endsWith("/blobs/uploads/")) {
            return named(Shape.UPLOADS, rest.substring(0, rest.length() - "/blobs/uploads/".length()), Optional.empty());
        }
        if (rest.endsWith("/tags/list")) {
            return named(Shape.TAGS, rest.substring(0, rest.length() - "/tags/list".length()), Optional.empty());
        }
        String[] segments = rest.split("/", -1);
        int n = segments.length;
        if (n >= 4 && segments[n - 3].equals("blobs") && segments[n - 2].equals("uploads")) {
            return named(Shape.UPLOAD, join(segments, n - 3), Optional.of(segments[n - 1]));
        }
        if (n >= 3) {
            Optional<Shape> shape = switch (segments[n - 2]) {
                case "manifests" -> Optional.of(Shape.MANIFEST);
                case "blobs" -> Optional.of(Shape.BLOB);
                case "referrers" -> Optional.of(Shape.REFERRERS);
                default -> Optional.empty();
            };
            if (shape.isPresent()) {
                return named(shape.get(), join(segments, n - 2), Optional.of(segments[n - 1]));
            }
        }
        return Optional.empty();
    }

    private static Optional<DistributionPath> named(Shape shape, String name, Optional<String> last) {
        return Optional.of(new DistributionPath(shape, Optional.of(name), last));
    }

    private static String join(String[] segments, int count) {
        return String.join("/", Arrays.copyOf(segments, count));
    }
}
