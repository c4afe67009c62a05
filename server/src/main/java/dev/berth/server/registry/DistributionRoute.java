package dev.berth.server.registry;

import java.util.List;
import java.util.Optional;

/**
 * The {@code /v2} API in one table (STYLE.md, shape 5; OCI distribution-spec endpoints end-1 to end-13):
 * each row is a method and a path shape, and what it needs on its repository (registry.md section 3).
 * A request that fits no row is answered {@code UNSUPPORTED} or {@code NAME_INVALID} before anything else.
 */
public enum DistributionRoute {
    BASE("GET", Shape.BASE, List.of()),
    BASE_HEAD("HEAD", Shape.BASE, List.of()),
    /** Lists only the repositories the caller may {@code cr:ListRepository}. */
    CATALOG("GET", Shape.CATALOG, List.of()),
    TAGS_LIST("GET", Shape.TAGS, List.of(RegistryAccess.PULL)),
    MANIFEST_GET("GET", Shape.MANIFEST, List.of(RegistryAccess.PULL)),
    MANIFEST_HEAD("HEAD", Shape.MANIFEST, List.of(RegistryAccess.PULL)),
    MANIFEST_PUT("PUT", Shape.MANIFEST, List.of(RegistryAccess.PUSH)),
    MANIFEST_DELETE("DELETE", Shape.MANIFEST, List.of(RegistryAccess.DELETE)),
    BLOB_GET("GET", Shape.BLOB, List.of(RegistryAccess.PULL)),
    BLOB_HEAD("HEAD", Shape.BLOB, List.of(RegistryAccess.PULL)),
    BLOB_DELETE("DELETE", Shape.BLOB, List.of(RegistryAccess.DELETE)),
    /** Also a cross-repository mount: {@code cr:PullRepository} on the source is checked apart (registry.md section 3). */
    UPLOAD_START("POST", Shape.UPLOADS, List.of(RegistryAccess.PUSH)),
    UPLOAD_STATUS("GET", Shape.UPLOAD, List.of(RegistryAccess.PUSH)),
    UPLOAD_PATCH("PATCH", Shape.UPLOAD, List.of(RegistryAccess.PUSH)),
    UPLOAD_FINISH("PUT", Shape.UPLOAD, List.of(RegistryAccess.PUSH)),
    UPLOAD_CANCEL("DELETE", Shape.UPLOAD, List.of(RegistryAccess.PUSH)),
    REFERRERS("GET", Shape.REFERRERS, List.of(RegistryAccess.PULL));

    /** The path shapes; every one but {@code BASE} and {@code CATALOG} starts with a repository name. */
    public enum Shape {
        BASE,
        CATALOG,
        TAGS,
        MANIFEST,
        BLOB,
        UPLOADS,
        UPLOAD,
        REFERRERS
    }

    private final String method;
    private final Shape shape;
    private final List<RegistryAccess> needs;

    DistributionRoute(String method, Shape shape, List<RegistryAccess> needs) {
        this.method = method;
        this.shape = shape;
        this.needs = needs;
    }

    public String method() {
        return method;
    }

    public Shape shape() {
        return shape;
    }

    /** What the caller needs on the repository; empty for the routes that name none. */
    public List<RegistryAccess> needs() {
        return needs;
    }

    public static Optional<DistributionRoute> find(String method, Shape shape) {
        for (DistributionRoute route : values()) {
            if (route.shape == shape && route.method.equals(method)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }
}
