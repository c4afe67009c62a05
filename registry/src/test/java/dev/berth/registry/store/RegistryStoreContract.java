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

import dev.berth.policy.value.AccountId;
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
import dev.berth.registry.repository.RepoType;
import dev.berth.registry.repository.RepositoryId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every {@link RegistryStore} runs (STYLE.md: one suite per interface).
 *
 * <p>The store may be shared by every test and with other suites (one database): each test makes its
 * records under fresh random ids and names ({@link RegistryFixtures}) and records what it made. After
 * each test the suite deletes the test's instances through the store itself (repositories, then
 * namespaces, then the instance) and fails when anything the test made can still be found, so a
 * repository delete that does not cascade fails too, or when the number of upload sessions in the
 * whole store changed (the only records the ports list across instances). The upload ordering test
 * starts its sessions in 1971, so it expects no older session in the store.
 */
public abstract class RegistryStoreContract {
    private static final Instant FAR_FUTURE = Instant.parse("3000-01-01T00:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SPDX = "application/spdx+json";
    private static final String SIGNATURE = "application/vnd.dev.cosign.artifact.sig.v1+json";

    private final List<Instance> instances = new ArrayList<>();
    private final Set<RepositoryId> repositories = new LinkedHashSet<>();
    private final Set<Digest> digests = new LinkedHashSet<>();
    private final Set<UploadId> uploads = new LinkedHashSet<>();
    private int uploadsBefore;

    /** The store under test: empty, or holding only data no test of this suite can meet. */
    protected abstract RegistryStore store();

    @BeforeEach
    void countUploads() {
        uploadsBefore = allUploads().size();
    }

    @AfterEach
    void leaveNothingBehind() {
        for (Instance instance : instances) {
            execute(transaction -> {
                transaction.repositories().list(instance.id(), Optional.empty(), Optional.empty(), 10_000)
                        .forEach(repository -> transaction.repositories().delete(repository.id()));
                transaction.namespaces().list(instance.id())
                        .forEach(namespace -> transaction.namespaces().delete(instance.id(), namespace.name()));
                transaction.instances().delete(instance.id());
            });
        }
        execute(transaction -> {
            for (Instance instance : instances) {
                assertThat(transaction.instances().find(instance.id())).as("instance left behind").isEmpty();
                assertThat(transaction.instances().findByName(instance.name())).as("instance name left behind").isEmpty();
                assertThat(transaction.instances().list(instance.account())).as("instances of the account left behind").isEmpty();
                assertThat(transaction.namespaces().count(instance.id())).as("namespaces left behind").isZero();
                assertThat(transaction.repositories().count(instance.id())).as("repositories left behind").isZero();
                digests.forEach(digest -> assertThat(transaction.blobLinks().isLinkedAnywhere(instance.id(), digest))
                        .as("blob link left behind").isFalse());
            }
            for (RepositoryId repository : repositories) {
                assertThat(transaction.repositories().find(repository)).as("repository left behind").isEmpty();
                assertThat(transaction.tags().count(repository)).as("tags left behind").isZero();
                for (Digest digest : digests) {
                    assertThat(transaction.manifests().find(repository, digest)).as("manifest left behind").isEmpty();
                    assertThat(transaction.manifests().referrers(repository, digest, Optional.empty())).as("referrer left behind").isEmpty();
                    assertThat(transaction.manifests().parentsOf(repository, digest)).as("manifest reference left behind").isEmpty();
                    assertThat(transaction.blobLinks().find(repository, digest)).as("blob link left behind").isEmpty();
                }
            }
            uploads.forEach(upload -> assertThat(transaction.uploads().find(upload)).as("upload session left behind").isEmpty());
        });
        assertThat(allUploads()).as("upload sessions left behind").hasSize(uploadsBefore);
    }

    // Instances

    @Test
    void anInstanceIsFoundByIdByNameAndAsItsAccountsPersonalEdition() {
        AccountId account = account();
        Instance personal = newInstance(account, InstanceType.Personal);
        Instance enterprise = newInstance(account, InstanceType.Advanced);
        assertThat(found(transaction -> transaction.instances().find(enterprise.id()))).contains(enterprise);
        assertThat(found(transaction -> transaction.instances().findByName(personal.name()))).contains(personal);
        assertThat(found(transaction -> transaction.instances().findPersonal(account))).contains(personal);
        assertThat(found(transaction -> transaction.instances().findPersonal(account()))).isEmpty();
        assertThat(found(transaction -> transaction.instances().find(InstanceId.random(RANDOM, false)))).isEmpty();
    }

    @Test
    void anAccountsInstancesAreListedById() {
        AccountId account = account();
        List<Instance> made = new ArrayList<>(List.of(newInstance(account, InstanceType.Basic), newInstance(account, InstanceType.Personal),
                newInstance(account, InstanceType.Standard), newInstance(account, InstanceType.Basic)));
        newInstance(account(), InstanceType.Basic);
        made.sort(Comparator.comparing(Instance::id));
        assertThat(listed(transaction -> transaction.instances().list(account))).containsExactlyElementsOf(made);
        assertThat(listed(transaction -> transaction.instances().list(account()))).isEmpty();
    }

    @Test
    void anInstanceIdOrNameIsTakenOnceInTheRegion() {
        Instance taken = newInstance(account(), InstanceType.Basic);
        Instance sameId = new Instance(taken.id(), account(), RegistryFixtures.instanceName(), InstanceType.Basic, InstanceStatus.RUNNING,
                taken.resourceGroup(), NOW);
        Instance sameName = withName(RegistryFixtures.instance(account(), InstanceType.Standard), taken.name());
        assertDuplicate(transaction -> transaction.instances().insert(track(sameId)));
        assertDuplicate(transaction -> transaction.instances().insert(track(sameName)));
        assertThat(found(transaction -> transaction.instances().find(sameName.id()))).isEmpty();
        assertThat(found(transaction -> transaction.instances().findByName(sameId.name()))).isEmpty();
    }

    @Test
    void anAccountHasAtMostOnePersonalEditionInstance() {
        AccountId account = account();
        Instance first = newInstance(account, InstanceType.Personal);
        Instance second = track(RegistryFixtures.instance(account, InstanceType.Personal));
        assertDuplicate(transaction -> transaction.instances().insert(second));
        newInstance(account, InstanceType.Basic);
        newInstance(account, InstanceType.Basic);
        newInstance(account(), InstanceType.Personal);
        assertThat(listed(transaction -> transaction.instances().list(account))).hasSize(3).contains(first).doesNotContain(second);
        assertThat(found(transaction -> transaction.instances().find(second.id()))).isEmpty();
    }

    @Test
    void aDeletedInstanceIsGoneAndFreesItsNameAndPersonalEdition() {
        AccountId account = account();
        Instance personal = newInstance(account, InstanceType.Personal);
        assertThat(changed(transaction -> transaction.instances().delete(personal.id()))).isTrue();
        assertThat(changed(transaction -> transaction.instances().delete(personal.id()))).isFalse();
        assertThat(found(transaction -> transaction.instances().find(personal.id()))).isEmpty();
        assertThat(found(transaction -> transaction.instances().findPersonal(account))).isEmpty();
        Instance again = track(withName(RegistryFixtures.instance(account, InstanceType.Personal), personal.name()));
        execute(transaction -> transaction.instances().insert(again));
        assertThat(found(transaction -> transaction.instances().findPersonal(account))).contains(again);
    }

    // Namespaces

    @Test
    void namespacesAreFoundByInstanceAndNameAndListedByName() {
        Instance instance = newInstance(account(), InstanceType.Basic);
        Instance other = newInstance(account(), InstanceType.Basic);
        List<Namespace> made = new ArrayList<>();
        for (String name : List.of("ab", "a_b", "a-b", "a0", "a.b")) {
            made.add(newNamespace(instance.id(), new NamespaceName(name)));
        }
        newNamespace(other.id(), new NamespaceName("aa"));
        assertThat(listed(transaction -> transaction.namespaces().list(instance.id())))
                .extracting(namespace -> namespace.name().value()).containsExactly("a-b", "a.b", "a0", "a_b", "ab");
        assertThat(counted(transaction -> transaction.namespaces().count(instance.id()))).isEqualTo(5);
        assertThat(found(transaction -> transaction.namespaces().find(instance.id(), new NamespaceName("a.b")))).contains(made.getLast());
        assertThat(found(transaction -> transaction.namespaces().find(other.id(), new NamespaceName("a.b")))).isEmpty();
        assertThat(found(transaction -> transaction.namespaces().find(instance.id(), new NamespaceName("aa")))).isEmpty();
    }

    @Test
    void aNamespaceNameIsTakenOncePerEnterpriseInstanceWhileTwoInstancesMayShareIt() {
        Instance one = newInstance(account(), InstanceType.Basic);
        Instance two = newInstance(account(), InstanceType.Advanced);
        NamespaceName team = new NamespaceName("team");
        Namespace first = newNamespace(one.id(), team);
        assertDuplicate(transaction -> transaction.namespaces().insert(namespace(one.id(), team)));
        Namespace shared = newNamespace(two.id(), team);
        Namespace sameId = new Namespace(first.id(), two.id(), namespaceName(), true, RepoType.PRIVATE, NOW);
        assertDuplicate(transaction -> transaction.namespaces().insert(sameId));
        assertThat(found(transaction -> transaction.namespaces().find(one.id(), team))).contains(first);
        assertThat(found(transaction -> transaction.namespaces().find(two.id(), team))).contains(shared);
        assertThat(found(transaction -> transaction.namespaces().findPersonal(team))).isEmpty();
        assertThat(counted(transaction -> transaction.namespaces().count(one.id()))).isEqualTo(1);
    }

    @Test
    void personalEditionNamespaceNamesAreUniqueAcrossEveryPersonalEditionInstance() {
        Instance mine = newInstance(account(), InstanceType.Personal);
        Instance theirs = newInstance(account(), InstanceType.Personal);
        Instance enterprise = newInstance(account(), InstanceType.Basic);
        NamespaceName name = namespaceName();
        Namespace held = newNamespace(mine.id(), name);
        assertDuplicate(transaction -> transaction.namespaces().insert(namespace(theirs.id(), name)));
        Namespace enterpriseTwin = newNamespace(enterprise.id(), name);
        assertThat(found(transaction -> transaction.namespaces().findPersonal(name))).contains(held);
        assertThat(found(transaction -> transaction.namespaces().find(enterprise.id(), name))).contains(enterpriseTwin);
        assertThat(counted(transaction -> transaction.namespaces().count(theirs.id()))).isZero();

        NamespaceName enterpriseFirst = namespaceName();
        newNamespace(enterprise.id(), enterpriseFirst);
        assertThat(found(transaction -> transaction.namespaces().findPersonal(enterpriseFirst))).isEmpty();
        Namespace personalLater = newNamespace(theirs.id(), enterpriseFirst);
        assertThat(found(transaction -> transaction.namespaces().findPersonal(enterpriseFirst))).contains(personalLater);
        assertThat(found(transaction -> transaction.namespaces().findPersonal(namespaceName()))).isEmpty();
    }

    @Test
    void aNamespaceUpdateReplacesAutoCreateRepoAndDefaultRepoTypeOnly() {
        Instance instance = newInstance(account(), InstanceType.Basic);
        Namespace namespace = newNamespace(instance.id(), namespaceName());
        Namespace changed = new Namespace(namespace.id(), instance.id(), namespace.name(), false, RepoType.PUBLIC, NOW.plusSeconds(60));
        assertThat(changed(transaction -> transaction.namespaces().update(changed))).isTrue();
        assertThat(found(transaction -> transaction.namespaces().find(instance.id(), namespace.name())))
                .contains(new Namespace(namespace.id(), instance.id(), namespace.name(), false, RepoType.PUBLIC, namespace.createdAt()));
        Namespace absent = namespace(instance.id(), namespaceName());
        assertThat(changed(transaction -> transaction.namespaces().update(absent))).isFalse();
        assertThat(found(transaction -> transaction.namespaces().find(instance.id(), absent.name()))).isEmpty();
    }

    @Test
    void aDeletedNamespaceIsGoneAndFreesItsName() {
        Instance mine = newInstance(account(), InstanceType.Personal);
        Instance theirs = newInstance(account(), InstanceType.Personal);
        Namespace namespace = newNamespace(mine.id(), namespaceName());
        assertThat(changed(transaction -> transaction.namespaces().delete(theirs.id(), namespace.name()))).isFalse();
        assertThat(changed(transaction -> transaction.namespaces().delete(mine.id(), namespace.name()))).isTrue();
        assertThat(changed(transaction -> transaction.namespaces().delete(mine.id(), namespace.name()))).isFalse();
        assertThat(found(transaction -> transaction.namespaces().find(mine.id(), namespace.name()))).isEmpty();
        assertThat(counted(transaction -> transaction.namespaces().count(mine.id()))).isZero();
        Namespace taken = newNamespace(theirs.id(), namespace.name());
        assertThat(found(transaction -> transaction.namespaces().findPersonal(namespace.name()))).contains(taken);
    }

    // Repositories

    @Test
    void aRepositoryIsFoundByIdAndByNameInItsInstance() {
        Instance instance = newInstance(account(), InstanceType.Basic);
        Instance other = newInstance(account(), InstanceType.Basic);
        NamespaceName namespace = newNamespace(instance.id(), namespaceName()).name();
        ImageRepository repository = track(new ImageRepository(RepositoryId.random(RANDOM), instance.id(),
                imageName(namespace, "team/app"), RepoType.PUBLIC, "the app — résumé ✓", true, NOW, NOW.plusSeconds(1)));
        execute(transaction -> transaction.repositories().insert(repository));
        assertThat(found(transaction -> transaction.repositories().find(repository.id()))).contains(repository);
        assertThat(found(transaction -> transaction.repositories().find(instance.id(), repository.name()))).contains(repository);
        assertThat(found(transaction -> transaction.repositories().find(other.id(), repository.name()))).isEmpty();
        assertThat(found(transaction -> transaction.repositories().find(instance.id(), imageName(namespace, "team")))).isEmpty();
        assertThat(found(transaction -> transaction.repositories().find(RepositoryId.random(RANDOM)))).isEmpty();
    }

    @Test
    void aRepositoryNameIsTakenOncePerInstance() {
        Instance instance = newInstance(account(), InstanceType.Basic);
        Instance other = newInstance(account(), InstanceType.Basic);
        ImageName name = imageName(newNamespace(instance.id(), new NamespaceName("team")).name(), "app");
        newNamespace(other.id(), new NamespaceName("team"));
        ImageRepository first = newRepository(instance.id(), name);
        assertDuplicate(transaction -> transaction.repositories().insert(track(RegistryFixtures.repository(instance.id(), name))));
        ImageRepository twin = newRepository(other.id(), name);
        ImageRepository sameId = new ImageRepository(first.id(), other.id(), imageName(name.namespace(), "other"), RepoType.PRIVATE, "",
                false, NOW, NOW);
        assertDuplicate(transaction -> transaction.repositories().insert(sameId));
        assertThat(found(transaction -> transaction.repositories().find(other.id(), name))).contains(twin);
        assertThat(found(transaction -> transaction.repositories().find(other.id(), sameId.name()))).isEmpty();
        assertThat(counted(transaction -> transaction.repositories().count(instance.id()))).isEqualTo(1);
    }

    @Test
    void repositoriesAreListedByFullNameInPagesAndCounted() {
        Instance instance = newInstance(account(), InstanceType.Basic);
        Instance other = newInstance(account(), InstanceType.Basic);
        NamespaceName team = newNamespace(instance.id(), new NamespaceName("team")).name();
        NamespaceName teamX = newNamespace(instance.id(), new NamespaceName("team-x")).name();
        NamespaceName teamY = newNamespace(instance.id(), new NamespaceName("team.y")).name();
        newNamespace(other.id(), team);
        for (ImageName name : List.of(imageName(team, "app_x"), imageName(team, "app/x"), imageName(teamY, "app"), imageName(team, "app"),
                imageName(team, "app-x"), imageName(teamX, "app"))) {
            newRepository(instance.id(), name);
        }
        newRepository(other.id(), imageName(team, "aa"));
        List<String> all = List.of("team-x/app", "team.y/app", "team/app", "team/app-x", "team/app/x", "team/app_x");
        assertThat(names(instance.id(), Optional.empty(), Optional.empty(), 100)).containsExactlyElementsOf(all);
        assertThat(names(instance.id(), Optional.empty(), Optional.empty(), 2)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(names(instance.id(), Optional.empty(), Optional.of(ImageName.parse("team.y/app")), 2))
                .containsExactlyElementsOf(all.subList(2, 4));
        assertThat(names(instance.id(), Optional.empty(), Optional.of(ImageName.parse("team/app_x")), 2)).isEmpty();
        assertThat(names(instance.id(), Optional.of(team), Optional.empty(), 100)).containsExactlyElementsOf(all.subList(2, 6));
        assertThat(names(instance.id(), Optional.of(team), Optional.of(ImageName.parse("team/app-y")), 100))
                .containsExactly("team/app/x", "team/app_x");
        assertThat(names(instance.id(), Optional.of(teamX), Optional.empty(), 100)).containsExactly("team-x/app");
        assertThat(counted(transaction -> transaction.repositories().count(instance.id()))).isEqualTo(6);
        assertThat(counted(transaction -> transaction.repositories().count(instance.id(), team))).isEqualTo(4);
        assertThat(counted(transaction -> transaction.repositories().count(instance.id(), teamY))).isEqualTo(1);
        assertThat(counted(transaction -> transaction.repositories().count(other.id(), teamY))).isZero();
    }

    @Test
    void aRepositoryUpdateReplacesTypeSummaryTagImmutabilityAndModificationTimeOnly() {
        ImageRepository repository = newRepository();
        ImageRepository changed = new ImageRepository(repository.id(), repository.instance(), repository.name(), RepoType.PUBLIC,
                "now public", true, NOW.plusSeconds(99), NOW.plusSeconds(60));
        assertThat(changed(transaction -> transaction.repositories().update(changed))).isTrue();
        assertThat(found(transaction -> transaction.repositories().find(repository.id()))).contains(new ImageRepository(repository.id(),
                repository.instance(), repository.name(), RepoType.PUBLIC, "now public", true, repository.createdAt(), NOW.plusSeconds(60)));
        ImageRepository absent = RegistryFixtures.repository(repository.instance(), imageName(repository.name().namespace(), "absent"));
        assertThat(changed(transaction -> transaction.repositories().update(absent))).isFalse();
        assertThat(found(transaction -> transaction.repositories().find(absent.id()))).isEmpty();
    }

    @Test
    void deletingARepositoryDeletesItsTagsManifestsBlobLinksAndUploadsAndNothingElse() {
        ImageRepository doomed = newRepository();
        ImageRepository kept = newRepository(doomed.instance(), imageName(doomed.name().namespace(), "kept"));
        Digest layer = blob();
        StoredManifest image = image(List.of(blob(), layer));
        StoredManifest index = index(List.of(image.digest()));
        StoredManifest signature = referrer(image.digest(), SIGNATURE);
        List<UploadSession> sessions = new ArrayList<>();
        for (ImageRepository repository : List.of(doomed, kept)) {
            put(repository, image);
            put(repository, index);
            put(repository, signature);
            putTag(repository, tag("latest", index.digest()));
            link(repository, layer, 42);
            sessions.add(newUpload(repository, NOW));
        }
        assertThat(changed(transaction -> transaction.repositories().delete(doomed.id()))).isTrue();
        assertThat(changed(transaction -> transaction.repositories().delete(doomed.id()))).isFalse();

        assertThat(found(transaction -> transaction.repositories().find(doomed.instance(), doomed.name()))).isEmpty();
        assertThat(counted(transaction -> transaction.tags().count(doomed.id()))).isZero();
        assertThat(found(transaction -> transaction.tags().find(doomed.id(), new Tag("latest")))).isEmpty();
        assertThat(found(transaction -> transaction.manifests().find(doomed.id(), image.digest()))).isEmpty();
        assertThat(listed(transaction -> transaction.manifests().parentsOf(doomed.id(), image.digest()))).isEmpty();
        assertThat(listed(transaction -> transaction.manifests().referrers(doomed.id(), image.digest(), Optional.empty()))).isEmpty();
        assertThat(found(transaction -> transaction.blobLinks().find(doomed.id(), layer))).isEmpty();
        assertThat(found(transaction -> transaction.uploads().find(sessions.getFirst().id()))).isEmpty();

        assertThat(counted(transaction -> transaction.repositories().count(kept.instance()))).isEqualTo(1);
        assertThat(found(transaction -> transaction.tags().find(kept.id(), new Tag("latest")))).isPresent();
        assertThat(found(transaction -> transaction.manifests().find(kept.id(), image.digest()))).isPresent();
        assertThat(listed(transaction -> transaction.manifests().parentsOf(kept.id(), image.digest()))).containsExactly(index.digest());
        assertThat(listed(transaction -> transaction.manifests().referrers(kept.id(), image.digest(), Optional.empty()))).hasSize(1);
        assertThat(found(transaction -> transaction.blobLinks().find(kept.id(), layer))).contains(42L);
        assertThat(linkedAnywhere(kept.instance(), layer)).isTrue();
        assertThat(found(transaction -> transaction.uploads().find(sessions.getLast().id()))).contains(sessions.getLast());
    }

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

    // Helpers: every record a test makes goes through one of these, which remember it for the check after the test.

    private Instance newInstance(AccountId account, InstanceType type) {
        Instance instance = track(RegistryFixtures.instance(account, type));
        execute(transaction -> transaction.instances().insert(instance));
        return instance;
    }

    private Namespace newNamespace(InstanceId instance, NamespaceName name) {
        Namespace namespace = namespace(instance, name);
        execute(transaction -> transaction.namespaces().insert(namespace));
        return namespace;
    }

    /** A repository {@code app} in a new namespace of a new Enterprise Edition instance. */
    private ImageRepository newRepository() {
        Instance instance = newInstance(account(), InstanceType.Basic);
        return newRepository(instance.id(), imageName(newNamespace(instance.id(), namespaceName()).name(), "app"));
    }

    private ImageRepository newRepository(InstanceId instance, ImageName name) {
        ImageRepository repository = track(RegistryFixtures.repository(instance, name));
        execute(transaction -> transaction.repositories().insert(repository));
        return repository;
    }

    private StoredManifest put(ImageRepository repository, StoredManifest manifest) {
        track(manifest);
        execute(transaction -> transaction.manifests().put(repository.id(), manifest));
        return manifest;
    }

    private Optional<TagEntry> putTag(ImageRepository repository, TagEntry entry) {
        return found(transaction -> transaction.tags().put(repository.id(), entry));
    }

    private TagEntry putTagged(ImageRepository repository, TagEntry entry) {
        putTag(repository, entry);
        return entry;
    }

    private void link(ImageRepository repository, Digest digest, long size) {
        digests.add(digest);
        execute(transaction -> transaction.blobLinks().link(repository.id(), digest, size));
    }

    private UploadSession newUpload(ImageRepository repository, Instant startedAt) {
        UploadSession session = track(RegistryFixtures.upload(repository, startedAt));
        execute(transaction -> transaction.uploads().insert(session));
        return session;
    }

    private Instance track(Instance instance) {
        instances.add(instance);
        return instance;
    }

    private ImageRepository track(ImageRepository repository) {
        repositories.add(repository.id());
        return repository;
    }

    private void track(StoredManifest manifest) {
        digests.add(manifest.digest());
        digests.addAll(manifest.blobs());
        digests.addAll(manifest.children());
        manifest.subject().ifPresent(digests::add);
    }

    private UploadSession track(UploadSession session) {
        uploads.add(session.id());
        return session;
    }

    private static Instance withName(Instance instance, InstanceName name) {
        return new Instance(instance.id(), instance.account(), name, instance.type(), instance.status(), instance.resourceGroup(),
                instance.createdAt());
    }

    private List<String> names(InstanceId instance, Optional<NamespaceName> namespace, Optional<ImageName> after, int limit) {
        return listed(transaction -> transaction.repositories().list(instance, namespace, after, limit)).stream()
                .map(repository -> repository.name().toString()).toList();
    }

    private List<String> tags(ImageRepository repository, Optional<String> after, int limit) {
        return listed(transaction -> transaction.tags().list(repository.id(), after.map(Tag::new), limit)).stream()
                .map(entry -> entry.tag().value()).toList();
    }

    private List<UploadSession> startedBefore(Instant cutoff, int limit) {
        return listed(transaction -> transaction.uploads().startedBefore(cutoff, limit));
    }

    private List<UploadSession> allUploads() {
        return startedBefore(FAR_FUTURE, 100_000);
    }

    private boolean linkedAnywhere(InstanceId instance, Digest digest) {
        return changed(transaction -> transaction.blobLinks().isLinkedAnywhere(instance, digest));
    }

    private void assertDuplicate(Consumer<RegistryTransaction> work) {
        assertThatThrownBy(() -> execute(work)).isInstanceOf(DuplicateKeyException.class);
    }

    private static void assertSameManifest(Optional<StoredManifest> found, StoredManifest expected) {
        assertThat(found).as("manifest %s", expected.digest()).isPresent();
        StoredManifest actual = found.orElseThrow();
        assertThat(actual.bytes()).as("bytes of %s", expected.digest()).isEqualTo(expected.bytes());
        assertThat(actual).usingRecursiveComparison().ignoringFields("bytes").isEqualTo(expected);
    }

    private void execute(Consumer<RegistryTransaction> work) {
        store().inTransaction(transaction -> {
            work.accept(transaction);
            return null;
        });
    }

    private <T> Optional<T> found(RegistryStore.Work<Optional<T>> work) {
        return store().inTransaction(work);
    }

    private <T> List<T> listed(RegistryStore.Work<List<T>> work) {
        return store().inTransaction(work);
    }

    private int counted(RegistryStore.Work<Integer> work) {
        return store().inTransaction(work);
    }

    private boolean changed(RegistryStore.Work<Boolean> work) {
        return store().inTransaction(work);
    }
}
