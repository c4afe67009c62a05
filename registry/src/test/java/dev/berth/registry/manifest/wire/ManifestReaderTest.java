package dev.berth.registry.manifest.wire;

import static dev.berth.registry.manifest.ManifestJson.DOCKER_LIST;
import static dev.berth.registry.manifest.ManifestJson.DOCKER_MANIFEST;
import static dev.berth.registry.manifest.ManifestJson.OCI_CONFIG;
import static dev.berth.registry.manifest.ManifestJson.OCI_INDEX;
import static dev.berth.registry.manifest.ManifestJson.OCI_LAYER;
import static dev.berth.registry.manifest.ManifestJson.OCI_MANIFEST;
import static dev.berth.registry.manifest.ManifestJson.annotations;
import static dev.berth.registry.manifest.ManifestJson.bytes;
import static dev.berth.registry.manifest.ManifestJson.descriptor;
import static dev.berth.registry.manifest.ManifestJson.image;
import static dev.berth.registry.manifest.ManifestJson.index;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.Manifest;
import dev.berth.registry.manifest.ManifestKind;
import dev.berth.registry.manifest.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {
    private static final Digest CONFIG = Digest.sha256Of(bytes("config"));
    private static final Digest LAYER = Digest.sha256Of(bytes("layer"));
    private static final Digest CHILD = Digest.sha256Of(bytes("child"));
    private static final String CONFIG_DESCRIPTOR = descriptor(OCI_CONFIG, CONFIG, 6);
    private static final String LAYER_DESCRIPTOR = descriptor(OCI_LAYER, LAYER, 5);

    private static Manifest read(String json, String contentType) {
        return ManifestReader.read(bytes(json), Optional.ofNullable(contentType).map(MediaType::new));
    }

    private static void assertRefused(ThrowingCallable call, Problem problem, String fragment) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessageContaining(fragment);
    }

    @Test
    void readsAnOciImageManifestWithItsConfigLayersAndAnnotations() {
        Manifest manifest = read(image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of(LAYER_DESCRIPTOR), annotations("a", "b")), OCI_MANIFEST);

        assertThat(manifest.kind()).isEqualTo(ManifestKind.OCI_MANIFEST);
        assertThat(manifest.config()).hasValueSatisfying(config -> {
            assertThat(config.digest()).isEqualTo(CONFIG);
            assertThat(config.size()).isEqualTo(6);
            assertThat(config.mediaType().value()).isEqualTo(OCI_CONFIG);
        });
        assertThat(manifest.layers()).singleElement().satisfies(layer -> assertThat(layer.digest()).isEqualTo(LAYER));
        assertThat(manifest.annotations()).isEqualTo(Map.of("a", "b"));
        assertThat(manifest.requiredBlobs()).containsExactly(CONFIG, LAYER);
        assertThat(manifest.children()).isEmpty();
    }

    @Test
    void readsADockerSchema2Manifest() {
        Manifest manifest = read(image(DOCKER_MANIFEST, descriptor("application/vnd.docker.container.image.v1+json", CONFIG, 6),
                List.of(descriptor("application/vnd.docker.image.rootfs.diff.tar.gzip", LAYER, 5))), DOCKER_MANIFEST);

        assertThat(manifest.kind()).isEqualTo(ManifestKind.DOCKER_MANIFEST);
        assertThat(manifest.requiredBlobs()).containsExactly(CONFIG, LAYER);
    }

    @Test
    void readsAnOciIndexWithPlatformsOfItsEntries() {
        String entry = "{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + CHILD + "\",\"size\":10,"
                + "\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\",\"os.features\":[\"x\"]}}";
        Manifest manifest = read(index(OCI_INDEX, List.of(entry)), OCI_INDEX);

        assertThat(manifest.kind()).isEqualTo(ManifestKind.OCI_INDEX);
        assertThat(manifest.children()).containsExactly(CHILD);
        assertThat(manifest.requiredBlobs()).isEmpty();
        assertThat(manifest.manifests().getFirst().platform()).hasValueSatisfying(platform -> {
            assertThat(platform.architecture()).isEqualTo("arm64");
            assertThat(platform.os()).isEqualTo("linux");
            assertThat(platform.variant()).contains("v8");
            assertThat(platform.osFeatures()).containsExactly("x");
        });
    }

    @Test
    void readsADockerManifestList() {
        Manifest manifest = read(index(DOCKER_LIST, List.of(descriptor(DOCKER_MANIFEST, CHILD, 10))), DOCKER_LIST);

        assertThat(manifest.kind()).isEqualTo(ManifestKind.DOCKER_MANIFEST_LIST);
        assertThat(manifest.children()).containsExactly(CHILD);
    }

    @Test
    void theArtifactTypeForReferrersIsArtifactTypeElseTheConfigMediaType() {
        String subject = "\"subject\":" + descriptor(OCI_MANIFEST, CHILD, 10);
        Manifest withArtifactType = read(image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of(),
                "\"artifactType\":\"application/vnd.example.sbom\"", subject), OCI_MANIFEST);
        Manifest withoutArtifactType = read(image(OCI_MANIFEST, descriptor("application/vnd.example.sig", CONFIG, 6), List.of(), subject),
                OCI_MANIFEST);
        Manifest indexWithout = read(index(OCI_INDEX, List.of(), subject), OCI_INDEX);

        assertThat(withArtifactType.referrerArtifactType()).contains(new MediaType("application/vnd.example.sbom"));
        assertThat(withArtifactType.subject()).hasValueSatisfying(descriptor -> assertThat(descriptor.digest()).isEqualTo(CHILD));
        assertThat(withoutArtifactType.referrerArtifactType()).contains(new MediaType("application/vnd.example.sig"));
        assertThat(indexWithout.referrerArtifactType()).isEmpty();
    }

    @Test
    void foreignLayersWithUrlsAreNotRequiredBlobs() {
        String foreign = "{\"mediaType\":\"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip\",\"digest\":\"" + LAYER
                + "\",\"size\":5,\"urls\":[\"https://example.com/layer\"]}";
        Manifest manifest = read(image(DOCKER_MANIFEST, CONFIG_DESCRIPTOR, List.of(foreign)), DOCKER_MANIFEST);

        assertThat(manifest.layers().getFirst().urls()).containsExactly("https://example.com/layer");
        assertThat(manifest.requiredBlobs()).containsExactly(CONFIG);
    }

    @Test
    void withoutContentTypeTheBodysMediaTypeDecides() {
        assertThat(read(index(DOCKER_LIST, List.of()), null).kind()).isEqualTo(ManifestKind.DOCKER_MANIFEST_LIST);
    }

    @Test
    void withoutContentTypeOrMediaTypeAManifestsFieldMakesAnIndex() {
        String indexJson = "{\"schemaVersion\":2,\"manifests\":[]}";
        String imageJson = "{\"schemaVersion\":2,\"config\":" + CONFIG_DESCRIPTOR + ",\"layers\":[]}";

        assertThat(read(indexJson, null).kind()).isEqualTo(ManifestKind.OCI_INDEX);
        assertThat(read(imageJson, null).kind()).isEqualTo(ManifestKind.OCI_MANIFEST);
        assertThat(read(imageJson, OCI_MANIFEST).kind()).isEqualTo(ManifestKind.OCI_MANIFEST);
    }

    @Test
    void contentTypeAndMediaTypeCompareCaseInsensitively() {
        assertThat(read(image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of()), OCI_MANIFEST.toUpperCase(java.util.Locale.ROOT)).kind())
                .isEqualTo(ManifestKind.OCI_MANIFEST);
    }

    @Test
    void bytesThatAreNotJsonAreManifestInvalid() {
        assertRefused(() -> read("not json", OCI_MANIFEST), Problem.MANIFEST_INVALID, "manifest is not JSON");
        assertRefused(() -> read("", OCI_MANIFEST), Problem.MANIFEST_INVALID, "manifest is empty");
        assertRefused(() -> read("[1,2]", OCI_MANIFEST), Problem.MANIFEST_INVALID, "must be a JSON object");
        assertRefused(() -> read(image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of()) + " {}", OCI_MANIFEST), Problem.MANIFEST_INVALID,
                "not JSON");
    }

    @Test
    void duplicateKeysAreManifestInvalid() {
        String json = "{\"schemaVersion\":2,\"schemaVersion\":2,\"config\":" + CONFIG_DESCRIPTOR + ",\"layers\":[]}";

        assertRefused(() -> read(json, OCI_MANIFEST), Problem.MANIFEST_INVALID, "schemaVersion");
    }

    @Test
    void aMediaTypeThatDisagreesWithContentTypeIsManifestInvalid() {
        assertRefused(() -> read(image(DOCKER_MANIFEST, CONFIG_DESCRIPTOR, List.of()), OCI_MANIFEST), Problem.MANIFEST_INVALID,
                "disagrees with the Content-Type `" + OCI_MANIFEST + "`");
    }

    @Test
    void bothLayersAndManifestsIsManifestInvalid() {
        String json = image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of(), "\"manifests\":[]");

        assertRefused(() -> read(json, OCI_MANIFEST), Problem.MANIFEST_INVALID, "`manifests` may not both be present");
        assertRefused(() -> read(json, null), Problem.MANIFEST_INVALID, "`manifests` may not both be present");
    }

    @Test
    void aSchemaVersionOtherThanTwoIsManifestInvalid() {
        String body = ",\"config\":" + CONFIG_DESCRIPTOR + ",\"layers\":[]}";

        assertRefused(() -> read("{\"schemaVersion\":1" + body, OCI_MANIFEST), Problem.MANIFEST_INVALID, "`schemaVersion` must be 2");
        assertRefused(() -> read("{\"schemaVersion\":\"2\"" + body, OCI_MANIFEST), Problem.MANIFEST_INVALID, "`schemaVersion` must be 2");
        assertRefused(() -> read("{" + body.substring(1), OCI_MANIFEST), Problem.MANIFEST_INVALID, "`schemaVersion` is required");
    }

    @Test
    void anUnsupportedMediaTypeIsUnsupported() {
        assertRefused(() -> read(image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of()), "application/vnd.docker.distribution.manifest.v1+prettyjws"),
                Problem.UNSUPPORTED, "`application/vnd.docker.distribution.manifest.v1+prettyjws` is not supported");
        assertRefused(() -> read("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.artifact.manifest.v1+json\"}", null),
                Problem.UNSUPPORTED, "is not supported");
    }

    @Test
    void malformedDescriptorsAreManifestInvalidNamingTheField() {
        String badDigest = "{\"mediaType\":\"" + OCI_LAYER + "\",\"digest\":\"sha256:abc\",\"size\":1}";
        String unknownAlgorithm = "{\"mediaType\":\"" + OCI_LAYER + "\",\"digest\":\"md5:d41d8cd98f00b204e9800998ecf8427e\",\"size\":1}";
        String negativeSize = descriptor(OCI_LAYER, LAYER, -1);
        String fractionalSize = "{\"mediaType\":\"" + OCI_LAYER + "\",\"digest\":\"" + LAYER + "\",\"size\":1.5}";
        String noMediaType = "{\"digest\":\"" + LAYER + "\",\"size\":1}";
        String badMediaType = descriptor("not a media type", LAYER, 1);

        assertRefused(() -> read(image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of(LAYER_DESCRIPTOR, badDigest)), OCI_MANIFEST),
                Problem.MANIFEST_INVALID, "`layers[1].digest` is not a valid digest");
        assertRefused(() -> read(image(OCI_MANIFEST, unknownAlgorithm, List.of()), OCI_MANIFEST),
                Problem.MANIFEST_INVALID, "`config.digest` is not a valid digest: digest algorithm `md5` is not supported");
        assertRefused(() -> read(image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of(negativeSize)), OCI_MANIFEST),
                Problem.MANIFEST_INVALID, "`layers[0].size` must be a whole number of bytes, got `-1`");
        assertRefused(() -> read(image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of(fractionalSize)), OCI_MANIFEST),
                Problem.MANIFEST_INVALID, "`layers[0].size`");
        assertRefused(() -> read(image(OCI_MANIFEST, noMediaType, List.of()), OCI_MANIFEST),
                Problem.MANIFEST_INVALID, "`config.mediaType` is required");
        assertRefused(() -> read(image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of(badMediaType)), OCI_MANIFEST),
                Problem.MANIFEST_INVALID, "`layers[0].mediaType` must be a media type");
        assertRefused(() -> read(image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of("3")), OCI_MANIFEST),
                Problem.MANIFEST_INVALID, "`layers[0]` must be a descriptor object");
    }

    @Test
    void theShapeOfEachKindIsEnforced() {
        assertRefused(() -> read("{\"schemaVersion\":2,\"layers\":[]}", OCI_MANIFEST), Problem.MANIFEST_INVALID, "`config` is required");
        assertRefused(() -> read("{\"schemaVersion\":2,\"config\":" + CONFIG_DESCRIPTOR + "}", OCI_MANIFEST), Problem.MANIFEST_INVALID,
                "`layers` is required");
        assertRefused(() -> read("{\"schemaVersion\":2}", OCI_INDEX), Problem.MANIFEST_INVALID, "`manifests` is required");
        assertRefused(() -> read(index(OCI_INDEX, List.of(), "\"config\":" + CONFIG_DESCRIPTOR), OCI_INDEX), Problem.MANIFEST_INVALID,
                "`config` may not be in an index");
        assertRefused(() -> read(image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of(), "\"annotations\":{\"a\":1}"), OCI_MANIFEST),
                Problem.MANIFEST_INVALID, "`annotations.a` must be a string");
        assertRefused(() -> read(index(OCI_INDEX, List.of("{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + CHILD
                + "\",\"size\":1,\"platform\":{\"os\":\"linux\"}}")), OCI_INDEX), Problem.MANIFEST_INVALID,
                "`manifests[0].platform.architecture` is required");
    }

    @Test
    void aManifestOverFourMebibytesIsTooLarge() {
        byte[] large = new byte[Manifest.MAX_BYTES + 1];
        Arrays.fill(large, (byte) ' ');

        assertThatThrownBy(() -> ManifestReader.read(large, Optional.of(new MediaType(OCI_MANIFEST))))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.problem()).isEqualTo(Problem.MANIFEST_TOO_LARGE))
                .hasMessageContaining("over the limit of 4194304");
    }

    @Test
    void deepNestingIsManifestInvalidNotAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String json = image(OCI_MANIFEST, CONFIG_DESCRIPTOR, List.of(), "\"x\":" + deep);

        assertRefused(() -> read(json, OCI_MANIFEST), Problem.MANIFEST_INVALID, "not JSON");
    }
}
