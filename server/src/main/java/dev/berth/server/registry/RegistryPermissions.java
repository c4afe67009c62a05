package dev.berth.server.registry;

import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.evaluation.Decision;
import dev.berth.policy.evaluation.Outcome;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ActionName;
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
import dev.berth.server.rpc.Authorizer;
import dev.berth.server.rpc.Principals;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The registry's one authorization rule (registry.md section 3), shared by the token endpoint and
 * {@code /v2}: a pull of a {@code PUBLIC} repository is anyone's; everything else is the policy
 * engine's decision for the signed-in caller on the repository's ARN, with the instance's resource group.
 */
public final class RegistryPermissions {
    private static final ActionName LIST_REPOSITORY = ActionName.of("cr:ListRepository");

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
            case RegistryCaller.Identified identified -> Principals.account(identified.principal())
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
                    context.identityGeneration(), access.action(), target.owner(), target.arn(), target.resourceGroup(), context(identified, context));
        };
    }

    /**
     * Which repositories of {@code instance} the caller may list in the catalog ({@code cr:ListRepository}
     * on each), its policies and the request's policy context built once for the whole listing.
     */
    public Predicate<ImageName> mayList(RegistryCaller.Identified caller, Instance instance, GrantContext context) {
        RepositoryAuthorizer.Decider decider = authorizer.decider(caller.principal(), caller.sessionPolicy(),
                context.identityGeneration(), instance.account());
        RequestContext keys = context(caller, context);
        Optional<ResourceGroupId> resourceGroup = Optional.of(instance.resourceGroup());
        return name -> decider.decide(LIST_REPOSITORY, arns.repository(instance.account(), instance.id(), name), resourceGroup, keys)
                .outcome() == Outcome.Allow;
    }

    static RequestContext context(RegistryCaller.Identified caller, GrantContext context) {
        return Authorizer.context(caller.principal(), context.now(), context.secure(), context.sourceAddress(), context.userAgent())
                .build();
    }
}
