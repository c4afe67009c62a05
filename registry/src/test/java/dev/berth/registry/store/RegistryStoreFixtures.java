package dev.berth.registry.store;

import static dev.berth.registry.store.RegistryFixtures.account;
import static dev.berth.registry.store.RegistryFixtures.blob;
import static dev.berth.registry.store.RegistryFixtures.imageName;
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
import dev.berth.registry.instance.InstanceType;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.manifest.TagEntry;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.Namespace;
import dev.berth.registry.repository.RepositoryId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the registry store's conformance suite stands on: the store under test, records made under fresh
 * ids and remembered, and the check after each test that nothing a test made is left (see
 * {@link RegistryStoreContract}).
 */
public abstract class RegistryStoreFixtures {
    protected static final Instant FAR_FUTURE = Instant.parse("3000-01-01T00:00:00Z");
    protected static final SecureRandom RANDOM = new SecureRandom();
    protected static final String SPDX = "application/spdx+json";
    protected static final String SIGNATURE = "application/vnd.dev.cosign.artifact.sig.v1+json";

    protected final List<Instance> instances = new ArrayList<>();
    protected final Set<RepositoryId> repositories = new LinkedHashSet<>();
    protected final Set<Digest> digests = new LinkedHashSet<>();
    protected final Set<UploadId> uploads = new LinkedHashSet<>();
    protected int uploadsBefore;

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


    // Helpers: every record a test makes goes through one of these, which remember it for the check after the test.

    protected Instance newInstance(AccountId account, InstanceType type) {
        Instance instance = track(RegistryFixtures.instance(account, type));
        execute(transaction -> transaction.instances().insert(instance));
        return instance;
    }

    protected Namespace newNamespace(InstanceId instance, NamespaceName name) {
        Namespace namespace = namespace(instance, name);
        execute(transaction -> transaction.namespaces().insert(namespace));
        return namespace;
    }

    /** A repository {@code app} in a new namespace of a new Enterprise Edition instance. */
    protected ImageRepository newRepository() {
        Instance instance = newInstance(account(), InstanceType.Basic);
        return newRepository(instance.id(), imageName(newNamespace(instance.id(), namespaceName()).name(), "app"));
    }

    protected ImageRepository newRepository(InstanceId instance, ImageName name) {
        ImageRepository repository = track(RegistryFixtures.repository(instance, name));
        execute(transaction -> transaction.repositories().insert(repository));
        return repository;
    }

    protected StoredManifest put(ImageRepository repository, StoredManifest manifest) {
        track(manifest);
        execute(transaction -> transaction.manifests().put(repository.id(), manifest));
        return manifest;
    }

    protected Optional<TagEntry> putTag(ImageRepository repository, TagEntry entry) {
        return found(transaction -> transaction.tags().put(repository.id(), entry));
    }

    protected TagEntry putTagged(ImageRepository repository, TagEntry entry) {
        putTag(repository, entry);
        return entry;
    }

    protected void link(ImageRepository repository, Digest digest, long size) {
        digests.add(digest);
        execute(transaction -> transaction.blobLinks().link(repository.id(), digest, size));
    }

    protected UploadSession newUpload(ImageRepository repository, Instant startedAt) {
        UploadSession session = track(RegistryFixtures.upload(repository, startedAt));
        execute(transaction -> transaction.uploads().insert(session));
        return session;
    }

    protected Instance track(Instance instance) {
        instances.add(instance);
        return instance;
    }

    protected ImageRepository track(ImageRepository repository) {
        repositories.add(repository.id());
        return repository;
    }

    protected void track(StoredManifest manifest) {
        digests.add(manifest.digest());
        digests.addAll(manifest.blobs());
        digests.addAll(manifest.children());
        manifest.subject().ifPresent(digests::add);
    }

    protected UploadSession track(UploadSession session) {
        uploads.add(session.id());
        return session;
    }

    protected static Instance withName(Instance instance, InstanceName name) {
        return new Instance(instance.id(), instance.account(), name, instance.type(), instance.status(), instance.resourceGroup(),
                instance.createdAt());
    }

    protected List<String> names(InstanceId instance, Optional<NamespaceName> namespace, Optional<ImageName> after, int limit) {
        return listed(transaction -> transaction.repositories().list(instance, namespace, after, limit)).stream()
                .map(repository -> repository.name().toString()).toList();
    }

    protected List<String> tags(ImageRepository repository, Optional<String> after, int limit) {
        return listed(transaction -> transaction.tags().list(repository.id(), after.map(Tag::new), limit)).stream()
                .map(entry -> entry.tag().value()).toList();
    }

    protected List<UploadSession> startedBefore(Instant cutoff, int limit) {
        return listed(transaction -> transaction.uploads().startedBefore(cutoff, limit));
    }

    protected List<UploadSession> allUploads() {
        return startedBefore(FAR_FUTURE, 100_000);
    }

    protected boolean linkedAnywhere(InstanceId instance, Digest digest) {
        return changed(transaction -> transaction.blobLinks().isLinkedAnywhere(instance, digest));
    }

    protected void assertDuplicate(Consumer<RegistryTransaction> work) {
        assertThatThrownBy(() -> execute(work)).isInstanceOf(DuplicateKeyException.class);
    }

    protected static void assertSameManifest(Optional<StoredManifest> found, StoredManifest expected) {
        assertThat(found).as("manifest %s", expected.digest()).isPresent();
        StoredManifest actual = found.orElseThrow();
        assertThat(actual.bytes()).as("bytes of %s", expected.digest()).isEqualTo(expected.bytes());
        assertThat(actual).usingRecursiveComparison().ignoringFields("bytes").isEqualTo(expected);
    }

    protected void execute(Consumer<RegistryTransaction> work) {
        store().inTransaction(transaction -> {
            work.accept(transaction);
            return null;
        });
    }

    protected <T> Optional<T> found(RegistryStore.Work<Optional<T>> work) {
        return store().inTransaction(work);
    }

    protected <T> List<T> listed(RegistryStore.Work<List<T>> work) {
        return store().inTransaction(work);
    }

    protected int counted(RegistryStore.Work<Integer> work) {
        return store().inTransaction(work);
    }

    protected boolean changed(RegistryStore.Work<Boolean> work) {
        return store().inTransaction(work);
    }
}
