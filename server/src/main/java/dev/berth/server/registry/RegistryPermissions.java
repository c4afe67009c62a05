package dev.berth.server.registry;

import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.evaluation.Decision;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceArn;
import dev.berth.policy.value.ResourceGroupId;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.RepoType;
import dev.berth.registry.service.Registry;
import dev.berth.registry.service.RepositoryAddress;
import dev.berth.server.registry.auth.GrantContext;
import dev.berth.server.registry.auth.RegistryCaller;
import dev.berth.server.rpc.Principals;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's one authorization rule (registry.md section 3), shared by the token endpoint and
 * {@code /v2}: a pull of a {@code PUBLIC} repository is anyone's; everything else is the policy
 * engine's decision for the signed-in caller on the repository's ARN, with the instance's resource group.
 */
public final class RegistryPermissions {
    private final Registry registry;
    private final RegistryArns arns;
    private final RepositoryAuthorizer authorizer;

    public RegistryPermissions(Registry registry, RegistryArns arns, RepositoryAuthorizer authorizer) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.arns = Objects.requireNonNull(arns, "arns");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    /** A repository as requested: the instance and repository when they exist, and the ARN it is authorized on. */
    public record Target(Optional<Instance> instance, ImageName name, Optional<ImageRepository> repository, AccountId owner,
                         ResourceArn arn) {
        public Target {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(arn, "arn");
        }

        public Optional<RepositoryAddress> address() {
            return instance.map(found -> new RepositoryAddress(found.id(), name));
        }

        Optional<ResourceGroupId> resourceGroup() {
            return instance.map(Instance::resourceGroup);
        }
    }

    /**
     * The target of a located name. A name no instance holds is authorized as if it were in the caller's
     * own Personal Edition, so that a caller learns nothing of other accounts' names.
     */
    public Target target(RegistryAddresses.Located located, RegistryCaller caller) {
        Optional<ImageRepository> repository = located.instance()
                .flatMap(instance -> registry.repository(new RepositoryAddress(instance.id(), located.name())));
        if (located.instance().isPresent()) {
            Instance instance = located.instance().get();
            return new Target(located.instance(), located.name(), repository, instance.account(),
                    arns.repository(instance.account(), instance.id(), located.name()));
        }
        AccountId owner = switch (caller) {
            case RegistryCaller.Identified identified -> RepositoryAuthorizer.accountOf(identified.principal())
                    .orElse(new AccountId("0000000000000000"));
            case RegistryCaller.Anonymous anonymous -> new AccountId("0000000000000000");
        };
        return new Target(Optional.empty(), located.name(), Optional.empty(), owner, arns.personalRepository(owner, located.name()));
    }

    public boolean isPublic(Target target) {
        return target.repository().map(repository -> repository.type() == RepoType.PUBLIC).orElse(false);
    }

    /** The decision for {@code access} on the target; anonymous callers may only pull public repositories. */
    public Decision decide(RegistryCaller caller, RegistryAccess access, Target target, GrantContext context) {
        if (access == RegistryAccess.PULL && isPublic(target)) {
            return Decision.ALLOW_WITHOUT_POLICY;
        }
        return switch (caller) {
            case RegistryCaller.Anonymous anonymous -> Decision.IMPLICIT_DENY;
            case RegistryCaller.Identified identified -> authorizer.decide(identified.principal(), identified.sessionPolicy(),
                    access.action(), target.owner(), target.arn(), target.resourceGroup(), context(identified, context));
        };
    }

    /** Whether the caller may list a repository in the catalog ({@code cr:ListRepository} on it). */
    public boolean mayList(RegistryCaller.Identified caller, Instance instance, ImageName name, GrantContext context) {
        return authorizer.allows(caller.principal(), caller.sessionPolicy(), dev.berth.policy.value.ActionName.of("cr:ListRepository"),
                instance.account(), arns.repository(instance.account(), instance.id(), name), Optional.of(instance.resourceGroup()),
                context(caller, context));
    }

    static RequestContext context(RegistryCaller.Identified caller, GrantContext context) {
        RequestContext.Builder keys = RequestContext.builder()
                .put("acs:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(context.now()))
                .put("acs:SecureTransport", String.valueOf(context.secure()))
                .put("acs:PrincipalARN", Principals.arn(caller.principal()));
        context.sourceAddress().ifPresent(address -> keys.put("acs:SourceIp", address));
        context.userAgent().ifPresent(agent -> keys.put("acs:UserAgent", agent));
        return keys.build();
    }
}
