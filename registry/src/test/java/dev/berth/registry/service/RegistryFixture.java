package dev.berth.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import dev.berth.registry.MutableClock;
import dev.berth.registry.RegistryException;
import dev.berth.registry.blob.InMemoryBlobStore;
import dev.berth.registry.blob.InMemoryBlobStores;
import dev.berth.registry.content.Digest;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.instance.InstanceName;
import dev.berth.registry.instance.InstanceStatus;
import dev.berth.registry.instance.InstanceType;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.repository.Namespace;
import dev.berth.registry.repository.NamespaceId;
import dev.berth.registry.repository.RepoType;
import dev.berth.registry.store.InMemoryRegistryStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A registry on the in-memory fakes with one Enterprise Edition instance holding namespace {@code team}
 * (auto-creating {@code PRIVATE} repositories), and helpers to push blobs and manifests.
 */
final class RegistryFixture {
    static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final SecureRandom random = new SecureRandom();
    final InMemoryRegistryStore store = new InMemoryRegistryStore();
    final InMemoryBlobStores blobStores = new InMemoryBlobStores(clock);
    final Registry registry = new Registry(store, blobStores, clock, random);
    final InstanceId instance;

    RegistryFixture() {
        this(InstanceType.Basic);
    }

    RegistryFixture(InstanceType type) {
        instance = InstanceId.random(random, type.isPersonal());
        store.inTransaction(transaction -> {
            transaction.instances().insert(new Instance(instance, new AccountId("1234567890123456"), new InstanceName("fixture-" + instance.value().substring(instance.value().indexOf('-') + 1)), type,
                    InstanceStatus.RUNNING, new ResourceGroupId("rg-acfmz2mc2vxxxxx"), START));
            return null;
        });
        addNamespace("team", true, RepoType.PRIVATE);
    }

    void addNamespace(String name, boolean autoCreateRepo, RepoType defaultType) {
        store.inTransaction(transaction -> {
            transaction.namespaces().insert(new Namespace(NamespaceId.random(random), instance, new NamespaceName(name), autoCreateRepo,
                    defaultType, START));
            return null;
        });
    }

    RepositoryAddress address(String name) {
        return new RepositoryAddress(instance, ImageName.parse(name));
    }

    InMemoryBlobStore blobStore() {
        return blobStores.of(instance);
    }

    /** Pushes a blob in one request and answers its digest. */
    Digest pushBlob(RepositoryAddress address, byte[] bytes) throws IOException {
        Digest digest = Digest.sha256Of(bytes);
        registry.uploads().uploadWhole(address, digest, new ByteArrayInputStream(bytes), Optional.of((long) bytes.length));
        return digest;
    }

    Digest pushBlob(RepositoryAddress address, String text) throws IOException {
        return pushBlob(address, bytes(text));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    int uploadRows() {
        return store.inTransaction(transaction -> transaction.uploads().startedBefore(Instant.MAX, Integer.MAX_VALUE).size());
    }

    /** Asserts the call is refused with that problem and a message containing {@code fragment}. */
    static void assertRefused(ThrowingCallable call, RegistryException.Problem problem, String fragment) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call)
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessageContaining(fragment);
    }
}
