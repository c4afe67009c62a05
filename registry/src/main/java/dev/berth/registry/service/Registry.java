package dev.berth.registry.service;

import dev.berth.registry.blob.BlobStores;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.instance.InstanceName;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.store.RegistryStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's domain as the {@code /v2} edge sees it: one object per OCI category, sharing the
 * locks and upload claims that must be one per process. Each operation is one store transaction;
 * blob bytes are written before the metadata that makes them visible.
 */
public final class Registry {
    private final Transactions transactions;
    private final BlobService blobs;
    private final UploadService uploads;
    private final ManifestService manifests;
    private final DiscoveryService discovery;
    private final CatalogService catalog;

    public Registry(RegistryStore store, BlobStores blobStores, Clock clock, SecureRandom random) {
        Objects.requireNonNull(blobStores, "blobStores");
        this.transactions = new Transactions(store);
        RepositoryResolver resolver = new RepositoryResolver(clock, random);
        DigestLocks locks = new DigestLocks();
        UploadSessions sessions = new UploadSessions(transactions, resolver, blobStores, clock, random);
        this.blobs = new BlobService(transactions, resolver, blobStores, locks);
        this.uploads = new UploadService(transactions, resolver, blobStores, locks, sessions);
        this.manifests = new ManifestService(transactions, resolver, clock);
        this.discovery = new DiscoveryService(transactions, resolver);
        this.catalog = new CatalogService(transactions);
    }

    public BlobService blobs() {
        return blobs;
    }

    public UploadService uploads() {
        return uploads;
    }

    public ManifestService manifests() {
        return manifests;
    }

    public DiscoveryService discovery() {
        return discovery;
    }

    public CatalogService catalog() {
        return catalog;
    }

    /** The instance, for the edge's resource names and resource group. */
    public Optional<Instance> instance(InstanceId id) {
        return transactions.run(transaction -> transaction.instances().find(id));
    }

    /** The repository when it exists (the edge asks whether it is {@code PUBLIC} before authorizing a pull). */
    public Optional<ImageRepository> repository(RepositoryAddress address) {
        return transactions.run(transaction -> transaction.repositories().find(address.instance(), address.name()));
    }

    /** The instance with that name (an Enterprise Edition instance's host name carries it). */
    public Optional<Instance> instanceNamed(InstanceName name) {
        return transactions.run(transaction -> transaction.instances().findByName(name));
    }

    /** The Personal Edition instance holding that namespace: Personal Edition addresses carry no instance part. */
    public Optional<Instance> personalInstanceOf(NamespaceName namespace) {
        return transactions.run(transaction -> transaction.namespaces().findPersonal(namespace)
                .flatMap(found -> transaction.instances().find(found.instance())));
    }
}
