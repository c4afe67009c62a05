package dev.berth.server.registry;

import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceArn;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.NamespaceName;
import java.util.Objects;

/**
 * The resource names of registry.md section 3: a Personal Edition repository is
 * {@code acs:cr:<region>:<uid>:repository/<namespace>/<repo>}, an Enterprise Edition one carries its
 * instance id after {@code repository/}; a namespace is the same without the repository.
 */
public final class RegistryArns {
    private final String region;

    public RegistryArns(RegistrySettings settings) {
        this.region = Objects.requireNonNull(settings, "settings").region();
    }

    public ResourceArn repository(AccountId owner, InstanceId instance, ImageName name) {
        return ResourceArn.of(prefix(owner, instance) + name.namespace() + "/" + name.repository());
    }

    /**
     * A repository written without an instance that no instance holds: authorized as a Personal Edition
     * repository of {@code owner}.
     */
    public ResourceArn personalRepository(AccountId owner, ImageName name) {
        return ResourceArn.of(repositories(owner) + name.namespace() + "/" + name.repository());
    }

    public ResourceArn namespace(AccountId owner, InstanceId instance, NamespaceName namespace) {
        return ResourceArn.of(prefix(owner, instance) + namespace);
    }

    /** Every repository of a namespace ({@code ListRepository} with {@code RepoNamespaceName}). */
    public ResourceArn namespaceRepositories(AccountId owner, InstanceId instance, NamespaceName namespace) {
        return ResourceArn.of(prefix(owner, instance) + namespace + "/*");
    }

    /** Every repository of an instance ({@code ListNamespace}); {@code repository/*} for the Personal Edition. */
    public ResourceArn allRepositories(AccountId owner, InstanceId instance) {
        return ResourceArn.of(prefix(owner, instance) + "*");
    }

    public ResourceArn instance(AccountId owner, InstanceId instance) {
        return ResourceArn.of("acs:cr:" + region + ":" + owner.value() + ":instance/" + instance);
    }

    public ResourceArn any() {
        return ResourceArn.of("*");
    }

    private String prefix(AccountId owner, InstanceId instance) {
        return instance.isPersonal() ? repositories(owner) : repositories(owner) + instance + "/";
    }

    private String repositories(AccountId owner) {
        return "acs:cr:" + region + ":" + owner.value() + ":repository/";
    }

    public String region() {
        return region;
    }
}
