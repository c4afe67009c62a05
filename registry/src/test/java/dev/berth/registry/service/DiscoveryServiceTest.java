package dev.berth.registry.service;

import static dev.berth.registry.manifest.ManifestJson.OCI_INDEX;
import static dev.berth.registry.manifest.ManifestJson.OCI_MANIFEST;
import static dev.berth.registry.manifest.ManifestJson.annotations;
import static dev.berth.registry.manifest.ManifestJson.descriptor;
import static dev.berth.registry.manifest.ManifestJson.image;
import static dev.berth.registry.manifest.ManifestJson.index;
import static dev.berth.registry.service.RegistryFixture.assertRefused;
import static dev.berth.registry.service.RegistryFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.Descriptor;
import dev.berth.registry.manifest.MediaType;
import dev.berth.registry.name.Reference;
import dev.berth.registry.name.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscoveryServiceTest {
    private final RegistryFixture fixture = new RegistryFixture();
    private final DiscoveryService discovery = fixture.registry.discovery();
    private final RepositoryAddress app = fixture.address("team/app");
    private final String emptyIndex = index(OCI_INDEX, List.of());

    private void tag(String... tags) {
        for (String tag : tags) {
            fixture.registry.manifests().put(app, new Tag(tag), Optional.of(new MediaType(OCI_INDEX)), bytes(emptyIndex));
        }
    }

    private List<String> names(TagPage page) {
        return page.tags().stream().map(Tag::value).toList();
    }

    @Test
    void tagsListLexicallyInPagesWithTheNextPagesStart() {
        tag("v2", "latest", "v10", "A");

        TagPage first = discovery.tags(app, new PageSize(2), Optional.empty());
        TagPage second = discovery.tags(app, new PageSize(2), first.next());

        assertThat(names(first)).containsExactly("A", "latest");
        assertThat(first.next()).contains(new Tag("latest"));
        assertThat(names(second)).containsExactly("v10", "v2");
        assertThat(second.next()).isEmpty();
        assertThat(second.name().toString()).isEqualTo("team/app");
    }

    @Test
    void aPageSizeOfZeroAnswersAnEmptyPage() {
        tag("v1");

        TagPage page = discovery.tags(app, new PageSize(0), Optional.empty());

        assertThat(page.tags()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void anUnknownLastStartsAfterItLexically() {
        tag("a1", "b1", "c1");

        assertThat(names(discovery.tags(app, PageSize.DEFAULT, Optional.of(new Tag("b0"))))).containsExactly("b1", "c1");
        assertThat(names(discovery.tags(app, PageSize.DEFAULT, Optional.of(new Tag("z"))))).isEmpty();
    }

    @Test
    void referrersListTheManifestsWhoseSubjectIsTheDigestWithTheirArtifactTypesAndAnnotations() throws IOException {
        Digest subject = Digest.sha256Of(bytes(emptyIndex));
        tag("v1");
        Digest config = fixture.pushBlob(app, "{}");
        String signature = image(OCI_MANIFEST, descriptor("application/vnd.example.sig", config, 2), List.of(),
                "\"subject\":" + descriptor(OCI_INDEX, subject, bytes(emptyIndex).length), annotations("created", "today"));
        String sbom = image(OCI_MANIFEST, descriptor("application/vnd.oci.empty.v1+json", config, 2), List.of(),
                "\"artifactType\":\"application/vnd.example.sbom\"", "\"subject\":" + descriptor(OCI_INDEX, subject, 1));
        String unrelated = image(OCI_MANIFEST, descriptor("application/vnd.example.sig", config, 2), List.of());
        for (String json : List.of(signature, sbom, unrelated)) {
            fixture.registry.manifests().put(app, new Reference.ByDigest(Digest.sha256Of(bytes(json))),
                    Optional.of(new MediaType(OCI_MANIFEST)), bytes(json));
        }

        Referrers all = discovery.referrers(app, subject, Optional.empty());
        Referrers signatures = discovery.referrers(app, subject, Optional.of("application/vnd.example.sig"));

        assertThat(all.filtered()).isFalse();
        assertThat(all.manifests()).extracting(Descriptor::digest)
                .containsExactlyInAnyOrder(Digest.sha256Of(bytes(signature)), Digest.sha256Of(bytes(sbom)));
        assertThat(signatures.filtered()).isTrue();
        assertThat(signatures.manifests()).singleElement().satisfies(descriptor -> {
            assertThat(descriptor.mediaType().value()).isEqualTo(OCI_MANIFEST);
            assertThat(descriptor.size()).isEqualTo(bytes(signature).length);
            assertThat(descriptor.artifactType()).contains(new MediaType("application/vnd.example.sig"));
            assertThat(descriptor.annotations()).isEqualTo(Map.of("created", "today"));
        });
        assertThat(new String(signatures.toIndexJson(), StandardCharsets.UTF_8)).contains("\"artifactType\":\"application/vnd.example.sig\"");
    }

    @Test
    void referrersOfAnUnknownSubjectOrWithAMalformedFilterAreEmpty() {
        tag("v1");

        Referrers none = discovery.referrers(app, Digest.sha256Of(bytes("nothing")), Optional.empty());
        Referrers malformed = discovery.referrers(app, Digest.sha256Of(bytes(emptyIndex)), Optional.of("not a type"));

        assertThat(none.manifests()).isEmpty();
        assertThat(malformed.manifests()).isEmpty();
        assertThat(malformed.filtered()).isTrue();
    }

    @Test
    void referrersOfAMissingRepositoryAreNameUnknown() {
        assertRefused(() -> discovery.referrers(app, Digest.sha256Of(bytes("x")), Optional.empty()), Problem.NAME_UNKNOWN,
                "repository `team/app` does not exist");
    }
}
