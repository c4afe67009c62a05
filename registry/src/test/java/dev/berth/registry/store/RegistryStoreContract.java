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

import dev.berth.policy.value.AccountId;
import dev.berth.registry.blob.UploadSession;
import dev.berth.registry.content.Digest;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.instance.InstanceStatus;
import dev.berth.registry.instance.InstanceType;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.Namespace;
import dev.berth.registry.repository.RepoType;
import dev.berth.registry.repository.RepositoryId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
public abstract class RegistryStoreContract extends RegistryContentContract {
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

}
