package dev.berth.registry.service;

import static dev.berth.registry.manifest.ManifestJson.DOCKER_MANIFEST;
import static dev.berth.registry.manifest.ManifestJson.OCI_CONFIG;
import static dev.berth.registry.manifest.ManifestJson.OCI_INDEX;
import static dev.berth.registry.manifest.ManifestJson.OCI_LAYER;
import static dev.berth.registry.manifest.ManifestJson.OCI_MANIFEST;
import static dev.berth.registry.manifest.ManifestJson.descriptor;
import static dev.berth.registry.manifest.ManifestJson.image;
import static dev.berth.registry.manifest.ManifestJson.index;
import static dev.berth.registry.service.RegistryFixture.assertRefused;
import static dev.berth.registry.service.RegistryFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.content.Digest;
import dev.berth.registry.content.DigestAlgorithm;
import dev.berth.registry.manifest.MediaType;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.name.Reference;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.ImageRepository;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestServiceTest {
    private final RegistryFixture fixture = new RegistryFixture();
    private final ManifestService manifests = fixture.registry.manifests();
    private final RepositoryAddress app = fixture.address("team/app");

    private static Optional<MediaType> type(String mediaType) {
        return Optional.of(new MediaType(mediaType));
    }

    /** Pushes a config and a layer into {@code address} and answers an OCI image manifest naming them. */
    private String imageIn(RepositoryAddress address, String layerText) throws IOException {
        Digest config = fixture.pushBlob(address, "{}");
        Digest layer = fixture.pushBlob(address, layerText);
        return image(OCI_MANIFEST, descriptor(OCI_CONFIG, config, 2), List.of(descriptor(OCI_LAYER, layer, layerText.length())));
    }

    private Digest put(String tag, String json) {
        return manifests.put(app, new Tag(tag), type(json.contains(OCI_INDEX) ? OCI_INDEX : OCI_MANIFEST), bytes(json)).digest();
    }

    private static Reference.ByDigest byDigest(Digest digest) {
        return new Reference.ByDigest(digest);
    }

    @Test
    void aManifestPutByTagIsFoundByTagAndByDigestByteForByte() throws IOException {
        String json = imageIn(app, "layer");

        PushedManifest pushed = manifests.put(app, new Tag("v1"), type(OCI_MANIFEST), bytes(json));

        assertThat(pushed).isEqualTo(new PushedManifest(Digest.sha256Of(bytes(json)), Optional.empty()));
        StoredManifest byTag = manifests.find(app, new Tag("v1"));
        StoredManifest byItsDigest = manifests.find(app, byDigest(pushed.digest()));
        assertThat(byTag.bytes()).isEqualTo(bytes(json));
        assertThat(byTag.mediaType()).isEqualTo(OCI_MANIFEST);
        assertThat(byItsDigest.digest()).isEqualTo(pushed.digest());
    }

    @Test
    void aManifestPutByDigestMustHaveThatDigest() throws IOException {
        String json = imageIn(app, "layer");
        Digest sha512 = DigestAlgorithm.SHA512.digestOf(bytes(json));
        Digest wrong = Digest.sha256Of(bytes("something else"));

        assertThat(manifests.put(app, byDigest(sha512), type(OCI_MANIFEST), bytes(json)).digest()).isEqualTo(sha512);
        assertRefused(() -> manifests.put(app, byDigest(wrong), type(OCI_MANIFEST), bytes(json)), Problem.DIGEST_INVALID,
                "not `" + wrong + "` as the reference says");
        assertRefused(() -> manifests.find(app, byDigest(wrong)), Problem.MANIFEST_UNKNOWN, "is not in repository `team/app`");
    }

    @Test
    void aManifestNamingABlobTheRepositoryLacksIsRefusedAndNothingIsStored() throws IOException {
        String json = imageIn(fixture.address("team/other"), "layer");
        fixture.pushBlob(app, "{}");

        assertRefused(() -> put("v1", json), Problem.MANIFEST_BLOB_UNKNOWN,
                "manifest `layers[0]` names blob `" + Digest.sha256Of(bytes("layer")) + "`, which is not in repository `team/app`");
        assertRefused(() -> manifests.find(app, new Tag("v1")), Problem.MANIFEST_UNKNOWN, "`v1`");
    }

    @Test
    void aDescriptorSizeThatDisagreesWithTheBlobIsManifestInvalid() throws IOException {
        Digest config = fixture.pushBlob(app, "{}");
        String json = image(OCI_MANIFEST, descriptor(OCI_CONFIG, config, 3), List.of());

        assertRefused(() -> put("v1", json), Problem.MANIFEST_INVALID, "`config.size` is 3 but `" + config + "` has 2 bytes");
    }

    @Test
    void anIndexNeedsItsChildManifestsInTheRepository() throws IOException {
        String child = imageIn(app, "layer");
        Digest childDigest = put("child", child);
        Digest absent = Digest.sha256Of(bytes("absent"));
        String good = index(OCI_INDEX, List.of(descriptor(OCI_MANIFEST, childDigest, bytes(child).length)));
        String missingChild = index(OCI_INDEX, List.of(descriptor(OCI_MANIFEST, absent, 10)));
        String wrongSize = index(OCI_INDEX, List.of(descriptor(OCI_MANIFEST, childDigest, 1)));

        assertThat(put("multi", good)).isEqualTo(Digest.sha256Of(bytes(good)));
        assertRefused(() -> put("broken", missingChild), Problem.MANIFEST_BLOB_UNKNOWN, "`manifests[0]` names manifest `" + absent + "`");
        assertRefused(() -> put("broken", wrongSize), Problem.MANIFEST_INVALID, "`manifests[0].size` is 1");
    }

    @Test
    void aMissingSubjectIsAcceptedAndReportedForTheOciSubjectHeader() throws IOException {
        Digest subject = Digest.sha256Of(bytes("not pushed yet"));
        Digest config = fixture.pushBlob(app, "{}");
        String json = image(OCI_MANIFEST, descriptor("application/vnd.example.sig", config, 2), List.of(),
                "\"subject\":" + descriptor(OCI_MANIFEST, subject, 99));

        PushedManifest pushed = manifests.put(app, byDigest(Digest.sha256Of(bytes(json))), type(OCI_MANIFEST), bytes(json));

        assertThat(pushed.subject()).contains(subject);
        assertThat(manifests.find(app, byDigest(pushed.digest())).artifactType()).contains("application/vnd.example.sig");
    }

    @Test
    void foreignLayersWithUrlsNeedNotBeInTheRepository() throws IOException {
        Digest config = fixture.pushBlob(app, "{}");
        String foreign = "{\"mediaType\":\"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip\",\"digest\":\""
                + Digest.sha256Of(bytes("windows")) + "\",\"size\":7,\"urls\":[\"https://example.com/base\"]}";
        String json = image(DOCKER_MANIFEST, descriptor("application/vnd.docker.container.image.v1+json", config, 2), List.of(foreign));

        Digest digest = manifests.put(app, new Tag("windows"), type(DOCKER_MANIFEST), bytes(json)).digest();

        assertThat(manifests.find(app, new Tag("windows")).digest()).isEqualTo(digest);
        assertThat(manifests.find(app, new Tag("windows")).mediaType()).isEqualTo(DOCKER_MANIFEST);
    }

    @Test
    void aManifestPutCreatesTheRepositoryOfAnAutoCreatingNamespace() {
        RepositoryAddress fresh = fixture.address("team/fresh");

        manifests.put(fresh, new Tag("empty"), type(OCI_INDEX), bytes(index(OCI_INDEX, List.of())));

        assertThat(fixture.registry.repository(fresh)).isPresent();
        assertThat(manifests.find(fresh, new Tag("empty")).mediaType()).isEqualTo(OCI_INDEX);
    }

    @Test
    void aRefusedManifestPutLeavesNoRepositoryBehind() {
        RepositoryAddress fresh = fixture.address("team/fresh");
        Digest config = Digest.sha256Of(bytes("{}"));
        String json = image(OCI_MANIFEST, descriptor(OCI_CONFIG, config, 2), List.of());

        assertRefused(() -> manifests.put(fresh, new Tag("v1"), type(OCI_MANIFEST), bytes(json)), Problem.MANIFEST_BLOB_UNKNOWN, "config");
        assertThat(fixture.registry.repository(fresh)).isEmpty();
    }

    @Test
    void withTagImmutabilityATagOtherThanLatestNeverMoves() throws IOException {
        makeTagsImmutable();
        String first = imageIn(app, "first");
        String second = imageIn(app, "second");
        Digest firstDigest = put("v1", first);
        put("latest", first);

        assertRefused(() -> put("v1", second), Problem.TAG_IMMUTABLE, "the requested tag already exists and cannot be overwritten");
        assertThat(put("v1", first)).isEqualTo(firstDigest);
        Digest moved = put("latest", second);
        assertThat(manifests.find(app, new Tag("latest")).digest()).isEqualTo(moved);
        assertThat(manifests.find(app, new Tag("v1")).digest()).isEqualTo(firstDigest);
    }

    @Test
    void withoutTagImmutabilityATagMoves() throws IOException {
        put("v1", imageIn(app, "first"));
        Digest second = put("v1", imageIn(app, "second"));

        assertThat(manifests.find(app, new Tag("v1")).digest()).isEqualTo(second);
    }

    @Test
    void deletingByDigestRemovesTheManifestAndItsTags() throws IOException {
        Digest digest = put("v1", imageIn(app, "layer"));
        put("v1-alias", imageIn(app, "layer"));
        Digest other = put("v2", imageIn(app, "other"));

        manifests.delete(app, byDigest(digest));

        assertRefused(() -> manifests.find(app, byDigest(digest)), Problem.MANIFEST_UNKNOWN, digest.toString());
        assertRefused(() -> manifests.find(app, new Tag("v1")), Problem.MANIFEST_UNKNOWN, "`v1`");
        assertRefused(() -> manifests.find(app, new Tag("v1-alias")), Problem.MANIFEST_UNKNOWN, "`v1-alias`");
        assertThat(manifests.find(app, new Tag("v2")).digest()).isEqualTo(other);
    }

    @Test
    void deletingAManifestAnIndexListsIsADeleteConflict() throws IOException {
        String child = imageIn(app, "layer");
        Digest childDigest = put("child", child);
        Digest parent = put("multi", index(OCI_INDEX, List.of(descriptor(OCI_MANIFEST, childDigest, bytes(child).length))));

        assertRefused(() -> manifests.delete(app, byDigest(childDigest)), Problem.DELETE_CONFLICT,
                "is listed by index `" + parent + "` of repository `team/app`");
        assertThat(manifests.find(app, new Tag("child")).digest()).isEqualTo(childDigest);
        manifests.delete(app, byDigest(parent));
        manifests.delete(app, byDigest(childDigest));
    }

    @Test
    void deletingByTagRemovesOnlyTheTag() throws IOException {
        Digest digest = put("v1", imageIn(app, "layer"));

        manifests.delete(app, new Tag("v1"));

        assertRefused(() -> manifests.find(app, new Tag("v1")), Problem.MANIFEST_UNKNOWN, "`v1`");
        assertThat(manifests.find(app, byDigest(digest)).digest()).isEqualTo(digest);
    }

    @Test
    void deletingWhatIsNotThereIsManifestUnknown() throws IOException {
        put("v1", imageIn(app, "layer"));

        assertRefused(() -> manifests.delete(app, new Tag("v2")), Problem.MANIFEST_UNKNOWN, "manifest `v2` is not in repository");
        assertRefused(() -> manifests.delete(app, byDigest(Digest.sha256Of(bytes("x")))), Problem.MANIFEST_UNKNOWN, "is not in repository");
    }

    @Test
    void aReferenceThatIsNeitherATagNorADigestIsAnUnknownManifestOfAnExistingRepository() throws IOException {
        put("v1", imageIn(app, "layer"));

        assertThat(manifests.unknownReference(app, ".INVALID_MANIFEST_NAME")).satisfies(refusal -> {
            assertThat(refusal.problem()).isEqualTo(Problem.MANIFEST_UNKNOWN);
            assertThat(refusal.getMessage()).isEqualTo("manifest `.INVALID_MANIFEST_NAME` is not in repository `team/app`: it is neither"
                    + " a tag nor a digest");
        });
        assertThat(manifests.unknownReference(app, "t".repeat(300)).getMessage()).contains("t".repeat(140) + "...`");
        assertRefused(() -> manifests.unknownReference(fixture.address("team/never"), ".INVALID_MANIFEST_NAME"), Problem.NAME_UNKNOWN,
                "team/never");
    }

    @Test
    void invalidManifestsAreRefusedBeforeAnythingIsStored() throws IOException {
        String json = imageIn(app, "layer");

        assertRefused(() -> manifests.put(app, new Tag("v1"), type(OCI_INDEX), bytes(json)), Problem.MANIFEST_INVALID, "disagrees");
        assertRefused(() -> manifests.put(app, new Tag("v1"), type(OCI_MANIFEST), bytes("not json")), Problem.MANIFEST_INVALID,
                "not JSON");
        assertRefused(() -> manifests.put(app, new Tag("v1"), type(OCI_MANIFEST), new byte[5 * 1024 * 1024]),
                Problem.MANIFEST_TOO_LARGE, "over the limit");
        assertRefused(() -> manifests.find(app, new Tag("v1")), Problem.MANIFEST_UNKNOWN, "`v1`");
    }

    private void makeTagsImmutable() throws IOException {
        fixture.registry.uploads().start(app);
        fixture.store.inTransaction(transaction -> {
            ImageRepository repository = transaction.repositories().find(app.instance(), app.name()).orElseThrow();
            return transaction.repositories().update(new ImageRepository(repository.id(), repository.instance(), repository.name(),
                    repository.type(), repository.summary(), true, repository.createdAt(), Instant.now()));
        });
    }
}
