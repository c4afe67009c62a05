package dev.berth.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.server.registry.DistributionRoute.Shape;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DistributionPathTest {
    @Test
    void namesWithSeveralComponentsAreKeptWhole() {
        assertThat(DistributionPath.parse("/v2/juzhong/team/app/manifests/v1"))
                .contains(new DistributionPath(Shape.MANIFEST, Optional.of("juzhong/team/app"), Optional.of("v1")));
        assertThat(DistributionPath.parse("/v2/cri-0123456789abcdef/ns/app/blobs/sha256:00"))
                .contains(new DistributionPath(Shape.BLOB, Optional.of("cri-0123456789abcdef/ns/app"), Optional.of("sha256:00")));
    }

    @Test
    void uploadPathsAreToldFromBlobPaths() {
        assertThat(DistributionPath.parse("/v2/ns/app/blobs/uploads/"))
                .contains(new DistributionPath(Shape.UPLOADS, Optional.of("ns/app"), Optional.empty()));
        assertThat(DistributionPath.parse("/v2/ns/app/blobs/uploads/0b5a"))
                .contains(new DistributionPath(Shape.UPLOAD, Optional.of("ns/app"), Optional.of("0b5a")));
    }

    @Test
    void aRepositoryMayBeCalledLikeAKeyword() {
        assertThat(DistributionPath.parse("/v2/ns/manifests/manifests/latest"))
                .contains(new DistributionPath(Shape.MANIFEST, Optional.of("ns/manifests"), Optional.of("latest")));
        assertThat(DistributionPath.parse("/v2/ns/tags/tags/list"))
                .contains(new DistributionPath(Shape.TAGS, Optional.of("ns/tags"), Optional.empty()));
    }

    @Test
    void theBaseAndTheCatalogHaveNoName() {
        assertThat(DistributionPath.parse("/v2/")).contains(new DistributionPath(Shape.BASE, Optional.empty(), Optional.empty()));
        assertThat(DistributionPath.parse("/v2/_catalog")).contains(new DistributionPath(Shape.CATALOG, Optional.empty(), Optional.empty()));
        assertThat(DistributionPath.parse("/v3/")).isEmpty();
        assertThat(DistributionPath.parse("/v2/ns/app/other/x")).isEmpty();
    }
}
