package dev.berth.metadata.jdbc;

import dev.berth.registry.store.BlobLinkRepository;
import dev.berth.registry.store.DuplicateKeyException;
import dev.berth.registry.store.ImageRepositoryRepository;
import dev.berth.registry.store.InstanceRepository;
import dev.berth.registry.store.ManifestRepository;
import dev.berth.registry.store.NamespaceRepository;
import dev.berth.registry.store.RegistryTransaction;
import dev.berth.registry.store.TagRepository;
import dev.berth.registry.store.UploadRepository;
import java.sql.Connection;

/** The registry's repositories of one JDBC transaction, all on its connection. */
final class JdbcRegistryTransaction implements RegistryTransaction {
    private final Sql sql;

    JdbcRegistryTransaction(Connection connection) {
        this.sql = new Sql(connection, violation -> new DuplicateKeyException("already exists", violation));
    }

    @Override
    public InstanceRepository instances() {
        return new JdbcInstanceRepository(sql);
    }

    @Override
    public NamespaceRepository namespaces() {
        return new JdbcNamespaceRepository(sql);
    }

    @Override
    public ImageRepositoryRepository repositories() {
        return new JdbcImageRepositoryRepository(sql);
    }

    @Override
    public ManifestRepository manifests() {
        return new JdbcManifestRepository(sql);
    }

    @Override
    public TagRepository tags() {
        return new JdbcTagRepository(sql);
    }

    @Override
    public BlobLinkRepository blobLinks() {
        return new JdbcBlobLinkRepository(sql);
    }

    @Override
    public UploadRepository uploads() {
        return new JdbcUploadRepository(sql);
    }
}
