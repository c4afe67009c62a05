package dev.berth.registry.store;

import static dev.berth.registry.store.RegistryFixtures.NOW;
import static dev.berth.registry.store.RegistryFixtures.account;
import static dev.berth.registry.store.RegistryFixtures.blob;
import static dev.berth.registry.store.RegistryFixtures.image;
import static dev.berth.registry.store.RegistryFixtures.imageName;
import static dev.berth.registry.store.RegistryFixtures.index;
import static dev.berth.registry.store.RegistryFixtures.namespace;
import static dev.berth.registry.store.RegistryFixtures.namespaceName;
import static dev.berth.registry.store.RegistryFixtures.referrer;
import static dev.berth.registry.store.RegistryFixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.blob.UploadId;
import dev.berth.registry.blob.UploadSession;
import dev.berth.registry.content.Digest;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceType;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.manifest.TagEntry;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.Namespace;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The conformance suite's half on what repositories hold: manifests, tags, blob links, uploads, and transactions. */
public abstract class RegistryContentContract extends RegistryStoreFixtures {
    // Manifests

    @Test
    void aManifestIsKeptByteForByteWithWhatWasReadFromIt() {
        ImageRepository repository = newRepository();
        Digest config = blob();
        Digest layer = blob();
        Digest subject = blob();
        byte[] bytes = ("{\r\n  \"schemaVersion\" : 2 ,\t\"annotations\": {\"note\": \"caf\u00e9 \uD83D\uDEA2 \\u00e9\"}\n}  \n")
                .getBytes(StandardCharsets.UTF_8);
        StoredManifest manifest = RegistryFixtures.manifest(RegistryFixtures.OCI_MANIFEST, bytes, Optional.of("application/vnd.example+json"),
                Optional.of(subject), List.of(config, layer, blob(), layer), List.of());
        put(repository, manifest);
        assertSameManifest(found(transaction -> transaction.manifests().find(repository.id(), manifest.digest())), manifest);
    }

    @Test
    void manifestBytesAreKeptExactlyWhateverTheyAre() {
        ImageRepository repository = newRepository();
        byte[] everyByte = new byte[512];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) (255 - i % 256);
        }
        byte[] fourMebibytes = new byte[4 * 1024 * 1024];
        RANDOM.nextBytes(fourMebibytes);
        for (byte[] bytes : List.of(everyByte, fourMebibytes, new byte[0])) {
            StoredManifest manifest = RegistryFixtures.manifest(RegistryFixtures.OCI_INDEX, bytes, Optional.empty(), Optional.empty(),
                    List.of(), List.of(blob(), blob()));
            put(repository, manifest);
            assertSameManifest(found(transaction -> transaction.manifests().find(repository.id(), manifest.digest())), manifest);
        }
    }

    @Test
    void puttingAManifestAgainChangesNothing() {
        ImageRepository repository = newRepository();
        StoredManifest manifest = image(List.of(blob(), blob(), blob()));
        put(repository, manifest);
        StoredManifest again = new StoredManifest(manifest.digest(), manifest.mediaType(), manifest.bytes(), Optional.of(SPDX),
                Optional.of(blob()), manifest.blobs().reversed(), List.of(blob()), NOW.plusSeconds(60));
        track(again);
        execute(transaction -> {
            transaction.manifests().put(repository.id(), again);
            transaction.manifests().put(repository.id(), again);
        });
        assertSameManifest(found(transaction -> transaction.manifests().find(repository.id(), manifest.digest())), manifest);
    }

    @Test
    void aManifestBelongsToItsRepositoryAndIsDeletedThere() {
        ImageRepository repository = newRepository();
        ImageRepository other = newRepository(repository.instance(), imageName(repository.name().namespace(), "other"));
        StoredManifest manifest = put(repository, image(List.of(blob())));
        assertThat(found(transaction -> transaction.manifests().find(other.id(), manifest.digest()))).isEmpty();
        assertThat(changed(transaction -> transaction.manifests().delete(other.id(), manifest.digest()))).isFalse();
        assertThat(changed(transaction -> transaction.manifests().delete(repository.id(), manifest.digest()))).isTrue();
        assertThat(changed(transaction -> transaction.manifests().delete(repository.id(), manifest.digest()))).isFalse();
        assertThat(found(transaction -> transaction.manifests().find(repository.id(), manifest.digest()))).isEmpty();
    }

    @Test
    void theSizeOfAManifestIsItsByteCountInItsRepositoryOnly() {
        ImageRepository repository = newRepository();
        ImageRepository other = newRepository(repository.instance(), imageName(repository.name().namespace(), "other"));
        StoredManifest manifest = put(repository, image(List.of(blob())));
        StoredManifest empty = put(repository, RegistryFixtures.manifest(RegistryFixtures.OCI_INDEX, new byte[0], Optional.empty(),
                Optional.empty(), List.of(), List.of()));
        assertThat(found(transaction -> transaction.manifests().size(repository.id(), manifest.digest())))
                .contains((long) manifest.bytes().length);
        assertThat(found(transaction -> transaction.manifests().size(repository.id(), empty.digest()))).contains(0L);
        assertThat(found(transaction -> transaction.manifests().size(other.id(), manifest.digest()))).isEmpty();
        assertThat(found(transaction -> transaction.manifests().size(repository.id(), blob()))).isEmpty();
    }

    @Test
    void referrersAreTheManifestsWhoseSubjectIsTheDigestFilteredByArtifactType() {
        ImageRepository repository = newRepository();
        ImageRepository other = newRepository(repository.instance(), imageName(repository.name().namespace(), "other"));
        StoredManifest subject = put(repository, image(List.of(blob())));
        StoredManifest sbom = put(repository, referrer(subject.digest(), SPDX));
        StoredManifest secondSbom = put(repository, referrer(subject.digest(), SPDX));
        StoredManifest signature = put(repository, referrer(subject.digest(), SIGNATURE));
        Digest absentSubject = blob();
        StoredManifest orphan = put(repository, referrer(absentSubject, SPDX));
        put(other, subject);
        put(other, referrer(subject.digest(), SPDX));

        assertThat(listed(transaction -> transaction.manifests().referrers(repository.id(), subject.digest(), Optional.empty())))
                .extracting(StoredManifest::digest).containsExactlyInAnyOrder(sbom.digest(), secondSbom.digest(), signature.digest());
        assertThat(listed(transaction -> transaction.manifests().referrers(repository.id(), subject.digest(), Optional.of(SPDX))))
                .extracting(StoredManifest::digest).containsExactlyInAnyOrder(sbom.digest(), secondSbom.digest());
        List<StoredManifest> signatures = listed(transaction -> transaction.manifests().referrers(repository.id(), subject.digest(),
                Optional.of(SIGNATURE)));
        assertThat(signatures).hasSize(1);
        assertSameManifest(Optional.of(signatures.getFirst()), signature);
        assertThat(listed(transaction -> transaction.manifests().referrers(repository.id(), subject.digest(),
                Optional.of("application/vnd.none")))).isEmpty();
        assertThat(listed(transaction -> transaction.manifests().referrers(repository.id(), absentSubject, Optional.empty())))
                .extracting(StoredManifest::digest).containsExactly(orphan.digest());
        assertThat(listed(transaction -> transaction.manifests().referrers(repository.id(), sbom.digest(), Optional.empty()))).isEmpty();
    }

    @Test
    void theParentsOfAManifestAreTheIndexesOfItsRepositoryThatListIt() {
        ImageRepository repository = newRepository();
        ImageRepository other = newRepository(repository.instance(), imageName(repository.name().namespace(), "other"));
        StoredManifest amd64 = put(repository, image(List.of(blob())));
        StoredManifest arm64 = put(repository, image(List.of(blob())));
        StoredManifest both = put(repository, index(List.of(amd64.digest(), arm64.digest())));
        StoredManifest one = put(repository, index(List.of(amd64.digest())));
        put(repository, image(List.of(amd64.digest())));
        put(other, amd64);
        StoredManifest elsewhere = put(other, index(List.of(amd64.digest())));

        assertThat(listed(transaction -> transaction.manifests().parentsOf(repository.id(), amd64.digest())))
                .containsExactlyInAnyOrder(both.digest(), one.digest());
        assertThat(listed(transaction -> transaction.manifests().parentsOf(repository.id(), arm64.digest()))).containsExactly(both.digest());
        assertThat(listed(transaction -> transaction.manifests().parentsOf(repository.id(), both.digest()))).isEmpty();
        assertThat(listed(transaction -> transaction.manifests().parentsOf(other.id(), amd64.digest()))).containsExactly(elsewhere.digest());
        assertThat(changed(transaction -> transaction.manifests().delete(repository.id(), both.digest()))).isTrue();
        assertThat(listed(transaction -> transaction.manifests().parentsOf(repository.id(), amd64.digest()))).containsExactly(one.digest());
        assertThat(listed(transaction -> transaction.manifests().parentsOf(repository.id(), arm64.digest()))).isEmpty();
    }

    // Tags

    @Test
    void puttingATagReturnsWhatItPointedAtBefore() {
        ImageRepository repository = newRepository();
        ImageRepository other = newRepository(repository.instance(), imageName(repository.name().namespace(), "other"));
        Digest first = put(repository, image(List.of(blob()))).digest();
        Digest second = put(repository, image(List.of(blob()))).digest();
        TagEntry created = tag("latest", first);
        TagEntry moved = new TagEntry(new Tag("latest"), second, NOW.plusSeconds(60));
        assertThat(putTag(repository, created)).isEmpty();
        assertThat(putTag(repository, moved)).contains(created);
        assertThat(putTag(repository, moved)).contains(moved);
        assertThat(found(transaction -> transaction.tags().find(repository.id(), new Tag("latest")))).contains(moved);
        assertThat(found(transaction -> transaction.tags().find(other.id(), new Tag("latest")))).isEmpty();
        assertThat(counted(transaction -> transaction.tags().count(repository.id()))).isEqualTo(1);
    }

    @Test
    void tagsAreListedInLexicalOrderInPagesAndCounted() {
        ImageRepository repository = newRepository();
        ImageRepository other = newRepository(repository.instance(), imageName(repository.name().namespace(), "other"));
        Digest digest = put(repository, image(List.of(blob()))).digest();
        for (String tag : List.of("v1.9", "latest", "a.b", "V2", "v1.10", "_x", "1.0", "a-b")) {
            putTag(repository, tag(tag, digest));
        }
        putTag(other, tag("0", digest));
        List<String> all = List.of("1.0", "V2", "_x", "a-b", "a.b", "latest", "v1.10", "v1.9");
        assertThat(tags(repository, Optional.empty(), 100)).containsExactlyElementsOf(all);
        assertThat(tags(repository, Optional.empty(), 3)).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(tags(repository, Optional.of("_x"), 3)).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(tags(repository, Optional.of("b"), 100)).containsExactlyElementsOf(all.subList(5, 8));
        assertThat(tags(repository, Optional.of("v1.9"), 100)).isEmpty();
        assertThat(counted(transaction -> transaction.tags().count(repository.id()))).isEqualTo(8);
        assertThat(counted(transaction -> transaction.tags().count(other.id()))).isEqualTo(1);
    }

    @Test
    void theTagsOfADigestAreThoseThatPointAtItAndADeletedTagIsGone() {
        ImageRepository repository = newRepository();
        ImageRepository other = newRepository(repository.instance(), imageName(repository.name().namespace(), "other"));
        Digest first = put(repository, image(List.of(blob()))).digest();
        Digest second = put(repository, image(List.of(blob()))).digest();
        TagEntry latest = putTagged(repository, tag("latest", first));
        TagEntry v1 = putTagged(repository, tag("v1", first));
        TagEntry v2 = putTagged(repository, tag("v2", second));
        TagEntry elsewhere = putTagged(other, tag("v1", first));
        assertThat(listed(transaction -> transaction.tags().tagsOf(repository.id(), first))).containsExactlyInAnyOrder(latest, v1);
        assertThat(listed(transaction -> transaction.tags().tagsOf(repository.id(), second))).containsExactly(v2);
        assertThat(listed(transaction -> transaction.tags().tagsOf(repository.id(), blob()))).isEmpty();
        assertThat(changed(transaction -> transaction.tags().delete(repository.id(), new Tag("v1")))).isTrue();
        assertThat(changed(transaction -> transaction.tags().delete(repository.id(), new Tag("v1")))).isFalse();
        assertThat(changed(transaction -> transaction.tags().delete(repository.id(), new Tag("never")))).isFalse();
        assertThat(listed(transaction -> transaction.tags().tagsOf(repository.id(), first))).containsExactly(latest);
        assertThat(found(transaction -> transaction.tags().find(repository.id(), new Tag("v1")))).isEmpty();
        assertThat(found(transaction -> transaction.tags().find(other.id(), new Tag("v1")))).contains(elsewhere);
    }

    // Blob links

    @Test
    void aBlobLinkedInOneRepositoryIsSeenOnlyThere() {
        ImageRepository repository = newRepository();
        ImageRepository other = newRepository(repository.instance(), imageName(repository.name().namespace(), "other"));
        Digest digest = blob();
        Digest large = blob();
        link(repository, digest, 1234);
        link(repository, digest, 1234);
        link(repository, large, 5_000_000_000L);
        assertThat(found(transaction -> transaction.blobLinks().find(repository.id(), digest))).contains(1234L);
        assertThat(found(transaction -> transaction.blobLinks().find(repository.id(), large))).contains(5_000_000_000L);
        assertThat(found(transaction -> transaction.blobLinks().find(other.id(), digest))).isEmpty();
        assertThat(changed(transaction -> transaction.blobLinks().unlink(other.id(), digest))).isFalse();
        assertThat(changed(transaction -> transaction.blobLinks().unlink(repository.id(), digest))).isTrue();
        assertThat(changed(transaction -> transaction.blobLinks().unlink(repository.id(), digest))).isFalse();
        assertThat(found(transaction -> transaction.blobLinks().find(repository.id(), digest))).isEmpty();
    }

    @Test
    void aBlobIsLinkedAnywhereWhileARepositoryOfTheSameInstanceLinksIt() {
        ImageRepository first = newRepository();
        ImageRepository second = newRepository(first.instance(), imageName(first.name().namespace(), "second"));
        ImageRepository elsewhere = newRepository();
        Digest shared = blob();
        Digest foreign = blob();
        link(first, shared, 7);
        link(second, shared, 7);
        link(elsewhere, foreign, 9);
        assertThat(linkedAnywhere(first.instance(), shared)).isTrue();
        assertThat(linkedAnywhere(elsewhere.instance(), shared)).isFalse();
        assertThat(linkedAnywhere(first.instance(), foreign)).isFalse();
        execute(transaction -> transaction.blobLinks().unlink(first.id(), shared));
        assertThat(linkedAnywhere(first.instance(), shared)).isTrue();
        execute(transaction -> transaction.blobLinks().unlink(second.id(), shared));
        assertThat(linkedAnywhere(first.instance(), shared)).isFalse();
        execute(transaction -> transaction.repositories().delete(elsewhere.id()));
        assertThat(linkedAnywhere(elsewhere.instance(), foreign)).isFalse();
    }

    // Uploads

    @Test
    void anUploadSessionIsFoundUntilDeleted() {
        ImageRepository repository = newRepository();
        UploadSession session = newUpload(repository, NOW);
        assertThat(found(transaction -> transaction.uploads().find(session.id()))).contains(session);
        assertThat(found(transaction -> transaction.uploads().find(UploadId.random()))).isEmpty();
        assertThat(changed(transaction -> transaction.uploads().delete(session.id()))).isTrue();
        assertThat(changed(transaction -> transaction.uploads().delete(session.id()))).isFalse();
        assertThat(found(transaction -> transaction.uploads().find(session.id()))).isEmpty();
    }

    @Test
    void uploadSessionsAreCountedPerRepository() {
        ImageRepository repository = newRepository();
        ImageRepository other = newRepository();
        newUpload(repository, NOW);
        newUpload(repository, NOW);
        newUpload(other, NOW);
        int counted = store().inTransaction(transaction -> transaction.uploads().count(repository.id()));
        assertThat(counted).isEqualTo(2);
    }

    @Test
    void uploadsStartedBeforeACutoffComeOldestFirstUpToTheLimit() {
        ImageRepository repository = newRepository();
        ImageRepository other = newRepository();
        Instant start = RegistryFixtures.longAgo();
        UploadSession third = newUpload(repository, start.plusSeconds(3));
        UploadSession first = newUpload(other, start.plusSeconds(1));
        UploadSession second = newUpload(repository, start.plusSeconds(2));
        UploadSession last = newUpload(repository, start.plusSeconds(10));
        assertThat(startedBefore(start.plusSeconds(3), 10)).containsExactly(first, second);
        assertThat(startedBefore(start.plusSeconds(5), 2)).containsExactly(first, second);
        assertThat(startedBefore(start.plusSeconds(5), 1)).containsExactly(first);
        assertThat(startedBefore(start.plusSeconds(11), 10)).containsExactly(first, second, third, last);
        assertThat(startedBefore(start.plusSeconds(1), 10)).isEmpty();
    }

    // Transactions

    @Test
    void aTransactionAnswersWhatItsWorkReturnsAndSeesItsOwnWrites() {
        Instance instance = track(RegistryFixtures.instance(account(), InstanceType.Basic));
        Optional<Instance> seen = store().inTransaction(transaction -> {
            transaction.instances().insert(instance);
            return transaction.instances().find(instance.id());
        });
        assertThat(seen).contains(instance);
        assertThat(found(transaction -> transaction.instances().find(instance.id()))).contains(instance);
    }

    @Test
    void aTransactionWhoseWorkThrowsLeavesNothingBehind() {
        Instance instance = track(RegistryFixtures.instance(account(), InstanceType.Personal));
        Namespace namespace = namespace(instance.id(), namespaceName());
        ImageRepository repository = track(RegistryFixtures.repository(instance.id(), imageName(namespace.name(), "app")));
        StoredManifest manifest = image(List.of(blob()));
        StoredManifest index = index(List.of(manifest.digest()));
        track(manifest);
        track(index);
        UploadSession session = track(RegistryFixtures.upload(repository, RegistryFixtures.longAgo()));
        IllegalStateException failure = new IllegalStateException("midway");
        assertThatThrownBy(() -> execute(transaction -> {
            transaction.instances().insert(instance);
            transaction.namespaces().insert(namespace);
            transaction.repositories().insert(repository);
            transaction.manifests().put(repository.id(), manifest);
            transaction.manifests().put(repository.id(), index);
            transaction.tags().put(repository.id(), tag("latest", index.digest()));
            transaction.blobLinks().link(repository.id(), manifest.blobs().getFirst(), 10);
            transaction.uploads().insert(session);
            throw failure;
        })).isSameAs(failure);
        assertThat(found(transaction -> transaction.instances().find(instance.id()))).isEmpty();
        assertThat(found(transaction -> transaction.instances().findPersonal(instance.account()))).isEmpty();
        assertThat(found(transaction -> transaction.namespaces().findPersonal(namespace.name()))).isEmpty();
        assertThat(found(transaction -> transaction.repositories().find(repository.id()))).isEmpty();
        assertThat(found(transaction -> transaction.manifests().find(repository.id(), manifest.digest()))).isEmpty();
        assertThat(listed(transaction -> transaction.manifests().parentsOf(repository.id(), manifest.digest()))).isEmpty();
        assertThat(found(transaction -> transaction.tags().find(repository.id(), new Tag("latest")))).isEmpty();
        assertThat(linkedAnywhere(instance.id(), manifest.blobs().getFirst())).isFalse();
        assertThat(found(transaction -> transaction.uploads().find(session.id()))).isEmpty();
    }

}
