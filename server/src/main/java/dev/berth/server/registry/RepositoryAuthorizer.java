package dev.berth.server.registry;

import dev.berth.policy.PolicyEngine;
import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.evaluation.Decision;
import dev.berth.policy.evaluation.PolicySet;
import dev.berth.policy.evaluation.Request;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ActionName;
import dev.berth.policy.value.ResourceArn;
import dev.berth.policy.value.ResourceGroupId;
import dev.berth.server.rpc.Principals;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides registry requests on the policies as they stand (registry.md section 3): the caller's
 * policies are loaded at the identity generation its request read, so a detached policy or an ended
 * session counts at once. An identity never acts on another account's repositories (only a role of
 * that account can do that).
 */
public final class RepositoryAuthorizer {
    private final Policies policies;

    /** The policies of a caller, narrowed by a role session's policy, as the store held them at a generation. */
    @FunctionalInterface
    public interface Policies {
        PolicySet of(Principal principal, Optional<String> sessionPolicy, long identityGeneration);
    }

    /** Decisions for one caller on the resources of one account, its policies loaded once. */
    @FunctionalInterface
    public interface Decider {
        Decision decide(ActionName action, ResourceArn resource, Optional<ResourceGroupId> resourceGroup, RequestContext context);
    }

    public RepositoryAuthorizer(Policies policies) {
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /** The decision for one action on one resource of {@code owner}, with the holding instance's resource group. */
    public Decision decide(Principal principal, Optional<String> sessionPolicy, long identityGeneration, ActionName action,
                           AccountId owner, ResourceArn resource, Optional<ResourceGroupId> resourceGroup, RequestContext context) {
        return decider(principal, sessionPolicy, identityGeneration, owner).decide(action, resource, resourceGroup, context);
    }

    /** Decides any number of actions of the caller on resources of {@code owner}, loading its policies once. */
    public Decider decider(Principal principal, Optional<String> sessionPolicy, long identityGeneration, AccountId owner) {
        if (!Principals.account(principal).map(owner::equals).orElse(false)) {
            return (action, resource, resourceGroup, context) -> Decision.IMPLICIT_DENY;
        }
        PolicySet loaded = policies.of(principal, sessionPolicy, identityGeneration);
        return (action, resource, resourceGroup, context) -> PolicyEngine.evaluate(new Request(principal, action, resource,
                resourceGroup, context), loaded);
    }
}
