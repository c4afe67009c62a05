package dev.berth.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import dev.berth.registry.blob.UploadId;
import dev.berth.registry.blob.UploadSession;
import dev.berth.registry.content.Digest;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.instance.InstanceName;
import dev.berth.registry.instance.InstanceStatus;
import dev.berth.registry.instance.InstanceType;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.manifest.TagEntry;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.Namespace;
import dev.berth.registry.repository.NamespaceId;
import dev.berth.registry.repository.RepoType;
import dev.berth.registry.repository.RepositoryId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryRegistryStoreTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final AccountId ALICE = new AccountId("1111111111111111");
    private static final AccountId BOB = new AccountId("2222222222222222");

    private final SecureRandom random = new SecureRandom();
    private final InMemoryRegistryStore store = new InMemoryRegistryStore();

    private <T> T run(RegistryStore.Work<T> work) {
        return store.inTransaction(work);
    }

    private Instance instance(AccountId account, String name, InstanceType type) {
        Instance instance = new Instance(InstanceId.random(random, type.isPersonal()), account, new InstanceName(name), type,
                InstanceStatus.RUNNING, new ResourceGroupId("rg-default"), NOW);
        run(transaction -> {
            transaction.instances().insert(instance);
            return null;
        });
        return instance;
    }

    private Namespace namespace(InstanceId instance, String name) {
        Namespace namespace = new Namespace(NamespaceId.random(random), instance, new NamespaceName(name), true, RepoType.PRIVATE, NOW);
        run(transaction -> {
            transaction.namespaces().insert(namespace);
            return null;
        });
        return namespace;
    }

    private ImageRepository repository(InstanceId instance, String name) {
        ImageRepository repository = new ImageRepository(RepositoryId.random(random), instance, ImageName.parse(name), RepoType.PRIVATE,
                "", false, NOW, NOW);
        run(transaction -> {
            transaction.repositories().insert(repository);
            return null;
        });
        return repository;
    }

    private boolean flag(RegistryStore.Work<Boolean> work) {
        return store.inTransaction(work);
    }

    private int number(RegistryStore.Work<Integer> work) {
        return store.inTransaction(work);
    }

    private <T> List<T> list(RegistryStore.Work<List<T>> work) {
        return store.inTransaction(work);
    }

    private <T> Optional<T> maybe(RegistryStore.Work<Optional<T>> work) {
        return store.inTransaction(work);
    }

    private static Digest digest(String text) {
        return Digest.sha256Of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static StoredManifest manifest(String text, Optional<Digest> subject, Optional<String> artifactType, List<Digest> children) {
        return new StoredManifest(digest(text), "application/vnd.oci.image.manifest.v1+json", text.getBytes(StandardCharsets.UTF_8),
                artifactType, subject, List.of(), children, NOW);
    }

    @Test
    void aSecondPersonalInstanceOfAnAccountOrATakenInstanceNameIsADuplicate() {
        instance(ALICE, "alice-personal", InstanceType.Personal);

        assertThatThrownBy(() -> instance(ALICE, "alice-second", InstanceType.Personal)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> instance(BOB, "alice-personal", InstanceType.Basic)).isInstanceOf(DuplicateKeyException.class);
        instance(ALICE, "alice-enterprise", InstanceType.Basic);
        assertThat(list(transaction -> transaction.instances().list(ALICE))).hasSize(2);
    }

    @Test
    void personalNamespacesAreUniqueAcrossPersonalInstancesButEnterpriseOnesOnlyWithinTheirInstance() {
        Instance alice = instance(ALICE, "alice-personal", InstanceType.Personal);
        Instance bob = instance(BOB, "bob-personal", InstanceType.Personal);
        Instance enterprise = instance(BOB, "bob-enterprise", InstanceType.Basic);
        namespace(alice.id(), "shared");

        assertThatThrownBy(() -> namespace(bob.id(), "shared")).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> namespace(alice.id(), "shared")).isInstanceOf(DuplicateKeyException.class);
        namespace(enterprise.id(), "shared");
        assertThatThrownBy(() -> namespace(enterprise.id(), "shared")).isInstanceOf(DuplicateKeyException.class);
        Optional<Namespace> personal = run(transaction -> transaction.namespaces().findPersonal(new NamespaceName("shared")));
        assertThat(personal).hasValueSatisfying(found -> assertThat(found.instance()).isEqualTo(alice.id()));
    }

    @Test
    void aRepositoryNameIsUniqueWithinItsInstance() {
        Instance first = instance(ALICE, "first", InstanceType.Basic);
        Instance second = instance(ALICE, "second", InstanceType.Basic);
        namespace(first.id(), "team");
        namespace(second.id(), "team");
        repository(first.id(), "team/app");

        assertThatThrownBy(() -> repository(first.id(), "team/app")).isInstanceOf(DuplicateKeyException.class);
        repository(second.id(), "team/app");
    }

    @Test
    void aRepositoryNeedsItsNamespace() {
        Instance instance = instance(ALICE, "first", InstanceType.Basic);

        assertThatThrownBy(() -> repository(instance.id(), "team/app")).hasMessageContaining("no namespace `team`");
    }

    @Test
    void aThrowingWorkLeavesNothingBehind() {
        Instance instance = instance(ALICE, "first", InstanceType.Basic);

        assertThatThrownBy(() -> run(transaction -> {
            transaction.namespaces().insert(new Namespace(NamespaceId.random(random), instance.id(), new NamespaceName("team"), true,
                    RepoType.PRIVATE, NOW));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(number(transaction -> transaction.namespaces().count(instance.id()))).isZero();
    }

    @Test
    void repositoriesListInNameOrderAfterAGivenNameWithinALimit() {
        Instance instance = instance(ALICE, "first", InstanceType.Basic);
        namespace(instance.id(), "team");
        namespace(instance.id(), "other");
        for (String name : List.of("team/zeta", "team/alpha", "other/app", "team/beta")) {
            repository(instance.id(), name);
        }

        List<ImageRepository> all = run(transaction -> transaction.repositories().list(instance.id(), Optional.empty(), Optional.empty(), 10));
        List<ImageRepository> page = run(transaction -> transaction.repositories().list(instance.id(), Optional.of(new NamespaceName("team")),
                Optional.of(ImageName.parse("team/alpha")), 1));

        assertThat(all).extracting(repository -> repository.name().toString())
                .containsExactly("other/app", "team/alpha", "team/beta", "team/zeta");
        assertThat(page).extracting(repository -> repository.name().toString()).containsExactly("team/beta");
        assertThat(number(transaction -> transaction.repositories().count(instance.id(), new NamespaceName("team")))).isEqualTo(3);
    }

    @Test
    void deletingARepositoryDeletesItsTagsManifestsLinksAndUploads() {
        Instance instance = instance(ALICE, "first", InstanceType.Basic);
        namespace(instance.id(), "team");
        ImageRepository doomed = repository(instance.id(), "team/doomed");
        ImageRepository kept = repository(instance.id(), "team/kept");
        StoredManifest manifest = manifest("m", Optional.empty(), Optional.empty(), List.of());
        UploadId upload = UploadId.random();
        for (ImageRepository repository : List.of(doomed, kept)) {
            run(transaction -> {
                transaction.manifests().put(repository.id(), manifest);
                transaction.tags().put(repository.id(), new TagEntry(new Tag("v1"), manifest.digest(), NOW));
                transaction.blobLinks().link(repository.id(), digest("blob"), 4);
                return null;
            });
        }
        run(transaction -> {
            transaction.uploads().insert(new UploadSession(upload, instance.id(), doomed.id(), NOW));
            return transaction.repositories().delete(doomed.id());
        });

        run(transaction -> {
            assertThat(transaction.manifests().find(doomed.id(), manifest.digest())).isEmpty();
            assertThat(transaction.tags().count(doomed.id())).isZero();
            assertThat(transaction.blobLinks().find(doomed.id(), digest("blob"))).isEmpty();
            assertThat(transaction.uploads().find(upload)).isEmpty();
            assertThat(transaction.manifests().find(kept.id(), manifest.digest())).isPresent();
            assertThat(transaction.blobLinks().isLinkedAnywhere(instance.id(), digest("blob"))).isTrue();
            return null;
        });
    }

    @Test
    void deletingANamespaceOrAnInstanceDeletesWhatItHolds() {
        Instance instance = instance(ALICE, "first", InstanceType.Basic);
        namespace(instance.id(), "team");
        namespace(instance.id(), "other");
        ImageRepository inTeam = repository(instance.id(), "team/app");
        ImageRepository inOther = repository(instance.id(), "other/app");

        run(transaction -> transaction.namespaces().delete(instance.id(), new NamespaceName("team")));
        assertThat(maybe(transaction -> transaction.repositories().find(inTeam.id()))).isEmpty();
        assertThat(maybe(transaction -> transaction.repositories().find(inOther.id()))).isPresent();

        run(transaction -> transaction.instances().delete(instance.id()));
        assertThat(maybe(transaction -> transaction.repositories().find(inOther.id()))).isEmpty();
        assertThat(list(transaction -> transaction.namespaces().list(instance.id()))).isEmpty();
    }

    @Test
    void tagsListLexicallyAfterAnyGivenTagAndPutAnswersThePreviousEntry() {
        Instance instance = instance(ALICE, "first", InstanceType.Basic);
        namespace(instance.id(), "team");
        RepositoryId repository = repository(instance.id(), "team/app").id();
        for (String tag : List.of("v2", "latest", "v10", "A")) {
            run(transaction -> transaction.tags().put(repository, new TagEntry(new Tag(tag), digest(tag), NOW)));
        }

        Optional<TagEntry> previous = run(transaction -> transaction.tags().put(repository, new TagEntry(new Tag("v2"), digest("x"), NOW)));
        List<TagEntry> afterUnknown = run(transaction -> transaction.tags().list(repository, Optional.of(new Tag("m")), 10));
        List<TagEntry> all = run(transaction -> transaction.tags().list(repository, Optional.empty(), 10));

        assertThat(previous).hasValueSatisfying(entry -> assertThat(entry.digest()).isEqualTo(digest("v2")));
        assertThat(all).extracting(entry -> entry.tag().value()).containsExactly("A", "latest", "v10", "v2");
        assertThat(afterUnknown).extracting(entry -> entry.tag().value()).containsExactly("v10", "v2");
        assertThat(list(transaction -> transaction.tags().tagsOf(repository, digest("x")))).extracting(entry -> entry.tag().value())
                .containsExactly("v2");
    }

    @Test
    void manifestsAreStoredOnceAndFoundAsReferrersAndParents() {
        Instance instance = instance(ALICE, "first", InstanceType.Basic);
        namespace(instance.id(), "team");
        RepositoryId repository = repository(instance.id(), "team/app").id();
        StoredManifest image = manifest("image", Optional.empty(), Optional.empty(), List.of());
        StoredManifest signature = manifest("sig", Optional.of(image.digest()), Optional.of("application/vnd.example.sig"), List.of());
        StoredManifest sbom = manifest("sbom", Optional.of(image.digest()), Optional.of("application/vnd.example.sbom"), List.of());
        StoredManifest index = manifest("index", Optional.empty(), Optional.empty(), List.of(image.digest()));
        run(transaction -> {
            for (StoredManifest manifest : List.of(image, signature, sbom, index)) {
                transaction.manifests().put(repository, manifest);
            }
            transaction.manifests().put(repository, new StoredManifest(image.digest(), "changed", new byte[0], Optional.empty(),
                    Optional.empty(), List.of(), List.of(), NOW));
            return null;
        });

        run(transaction -> {
            assertThat(transaction.manifests().find(repository, image.digest())).hasValueSatisfying(found ->
                    assertThat(found.mediaType()).isEqualTo(image.mediaType()));
            assertThat(transaction.manifests().referrers(repository, image.digest(), Optional.empty()))
                    .extracting(StoredManifest::digest).containsExactlyInAnyOrder(signature.digest(), sbom.digest());
            assertThat(transaction.manifests().referrers(repository, image.digest(), Optional.of("application/vnd.example.sig")))
                    .extracting(StoredManifest::digest).containsExactly(signature.digest());
            assertThat(transaction.manifests().parentsOf(repository, image.digest())).containsExactly(index.digest());
            return null;
        });
    }

    @Test
    void aBlobIsLinkedAnywhereOnlyWithinItsInstance() {
        Instance first = instance(ALICE, "first", InstanceType.Basic);
        Instance second = instance(ALICE, "second", InstanceType.Basic);
        namespace(first.id(), "team");
        namespace(second.id(), "team");
        RepositoryId repository = repository(first.id(), "team/app").id();
        run(transaction -> {
            transaction.blobLinks().link(repository, digest("blob"), 4);
            transaction.blobLinks().link(repository, digest("blob"), 99);
            return null;
        });

        assertThat(maybe(transaction -> transaction.blobLinks().find(repository, digest("blob")))).contains(4L);
        assertThat(flag(transaction -> transaction.blobLinks().isLinkedAnywhere(first.id(), digest("blob")))).isTrue();
        assertThat(flag(transaction -> transaction.blobLinks().isLinkedAnywhere(second.id(), digest("blob")))).isFalse();
        assertThat(flag(transaction -> transaction.blobLinks().unlink(repository, digest("blob")))).isTrue();
        assertThat(flag(transaction -> transaction.blobLinks().isLinkedAnywhere(first.id(), digest("blob")))).isFalse();
    }

    @Test
    void uploadsAreCountedPerRepositoryAndListedOldestFirst() {
        Instance instance = instance(ALICE, "first", InstanceType.Basic);
        namespace(instance.id(), "team");
        RepositoryId app = repository(instance.id(), "team/app").id();
        RepositoryId other = repository(instance.id(), "team/other").id();
        UploadSession newer = new UploadSession(UploadId.random(), instance.id(), app, NOW.plusSeconds(10));
        UploadSession older = new UploadSession(UploadId.random(), instance.id(), other, NOW);
        UploadSession recent = new UploadSession(UploadId.random(), instance.id(), app, NOW.plusSeconds(100));
        run(transaction -> {
            transaction.uploads().insert(newer);
            transaction.uploads().insert(older);
            transaction.uploads().insert(recent);
            return null;
        });

        assertThatThrownBy(() -> run(transaction -> {
            transaction.uploads().insert(newer);
            return null;
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(number(transaction -> transaction.uploads().count(app))).isEqualTo(2);
        assertThat(list(transaction -> transaction.uploads().startedBefore(NOW.plusSeconds(50), 10))).containsExactly(older, newer);
        assertThat(list(transaction -> transaction.uploads().startedBefore(NOW.plusSeconds(50), 1))).containsExactly(older);
    }

    @Test
    void updatesReplaceOnlyTheMutableFields() {
        Instance instance = instance(ALICE, "first", InstanceType.Basic);
        Namespace namespace = namespace(instance.id(), "team");
        ImageRepository repository = repository(instance.id(), "team/app");

        run(transaction -> transaction.namespaces().update(new Namespace(NamespaceId.random(random), instance.id(), namespace.name(), false,
                RepoType.PUBLIC, NOW.plusSeconds(5))));
        run(transaction -> transaction.repositories().update(new ImageRepository(repository.id(), instance.id(),
                ImageName.parse("team/renamed"), RepoType.PUBLIC, "summary", true, NOW.plusSeconds(9), NOW.plusSeconds(9))));

        Namespace updatedNamespace = run(transaction -> transaction.namespaces().find(instance.id(), namespace.name())).orElseThrow();
        ImageRepository updatedRepository = run(transaction -> transaction.repositories().find(repository.id())).orElseThrow();
        assertThat(updatedNamespace).isEqualTo(new Namespace(namespace.id(), instance.id(), namespace.name(), false, RepoType.PUBLIC, NOW));
        assertThat(updatedRepository).isEqualTo(new ImageRepository(repository.id(), instance.id(), repository.name(), RepoType.PUBLIC,
                "summary", true, NOW, NOW.plusSeconds(9)));
    }
}
