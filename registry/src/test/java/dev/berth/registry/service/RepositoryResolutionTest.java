package dev.berth.registry.service;

import static dev.berth.registry.service.RegistryFixture.assertRefused;
import static dev.berth.registry.service.RegistryFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.content.Digest;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceType;
import dev.berth.registry.manifest.ManifestJson;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.RepoType;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepositoryResolutionTest {
    private final RegistryFixture fixture = new RegistryFixture();

    @Test
    void aPushCreatesTheRepositoryWithItsNamespacesDefaultType() throws IOException {
        fixture.addNamespace("public-ns", true, RepoType.PUBLIC);

        fixture.registry.uploads().start(fixture.address("public-ns/deep/app"));

        Optional<ImageRepository> created = fixture.registry.repository(fixture.address("public-ns/deep/app"));
        assertThat(created).hasValueSatisfying(repository -> {
            assertThat(repository.type()).isEqualTo(RepoType.PUBLIC);
            assertThat(repository.tagImmutability()).isFalse();
            assertThat(repository.createdAt()).isEqualTo(RegistryFixture.START);
        });
    }

    @Test
    void aPushToANamespaceWithoutAutoCreateRepoIsNameUnknown() {
        fixture.addNamespace("manual", false, RepoType.PRIVATE);

        assertRefused(() -> fixture.registry.uploads().start(fixture.address("manual/app")), Problem.NAME_UNKNOWN,
                "namespace `manual` does not create repositories on push");
        assertThat(fixture.registry.repository(fixture.address("manual/app"))).isEmpty();
    }

    @Test
    void aPushNeverCreatesANamespace() {
        assertRefused(() -> fixture.registry.uploads().start(fixture.address("absent/app")), Problem.NAME_UNKNOWN,
                "nor does its namespace `absent`, which a push does not create");
        int namespaces = fixture.store.inTransaction(transaction -> transaction.namespaces().count(fixture.instance));
        assertThat(namespaces).isEqualTo(1);
    }

    @Test
    void aPullNeverCreatesTheRepository() {
        assertRefused(() -> fixture.registry.manifests().find(fixture.address("team/app"), new Tag("latest")), Problem.NAME_UNKNOWN,
                "repository `team/app` does not exist");
        assertRefused(() -> fixture.registry.discovery().tags(fixture.address("team/app"), PageSize.DEFAULT, Optional.empty()),
                Problem.NAME_UNKNOWN, "does not exist");
        assertThat(fixture.registry.repository(fixture.address("team/app"))).isEmpty();
    }

    @Test
    void aPushBeyondTheInstancesRepositoryQuotaIsQuotaExceeded() throws IOException {
        RegistryFixture personal = new RegistryFixture(InstanceType.Personal);
        for (int i = 0; i < InstanceType.Personal.repositoryQuota(); i++) {
            personal.registry.uploads().start(personal.address("team/app" + i));
        }

        assertRefused(() -> personal.registry.uploads().start(personal.address("team/one-more")), Problem.QUOTA_EXCEEDED,
                "has its quota of 300 repositories");
        String manifest = ManifestJson.image(ManifestJson.OCI_MANIFEST,
                ManifestJson.descriptor(ManifestJson.OCI_CONFIG, Digest.sha256Of(bytes("{}")), 2), List.of());
        assertRefused(() -> personal.registry.manifests().put(personal.address("team/one-more"), new Tag("v1"), Optional.empty(),
                bytes(manifest)), Problem.QUOTA_EXCEEDED, "quota");
        personal.registry.uploads().start(personal.address("team/app0"));
    }

    @Test
    void aPushToAnUnknownInstanceIsNameUnknown() {
        RegistryFixture other = new RegistryFixture();

        assertRefused(() -> fixture.registry.uploads().mount(other.address("team/app"), Digest.sha256Of(bytes("x")), Optional.empty(),
                true), Problem.NAME_UNKNOWN, "repository `team/app` does not exist");
    }

    @Test
    void aPersonalNamespaceLeadsToItsInstance() {
        RegistryFixture personal = new RegistryFixture(InstanceType.Personal);

        assertThat(personal.registry.personalInstanceOf(new NamespaceName("team")).map(Instance::id)).contains(personal.instance);
        assertThat(personal.registry.personalInstanceOf(new NamespaceName("nobody"))).isEmpty();
        assertThat(fixture.registry.personalInstanceOf(new NamespaceName("team"))).isEmpty();
    }
}
