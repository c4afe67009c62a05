package dev.berth.registry.store;

/** The registry's repositories, all bound to one transaction. */
public interface RegistryTransaction {
    InstanceRepository instances();

    NamespaceRepository namespaces();

    ImageRepositoryRepository repositories();

    ManifestRepository manifests();

    TagRepository tags();

    BlobLinkRepository blobLinks();

    UploadRepository uploads();
}
