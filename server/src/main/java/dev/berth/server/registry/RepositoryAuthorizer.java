package dev.berth.server.registry;

import dev.berth.policy.PolicyEngine;
import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.evaluation.Decision;
import dev.berth.policy.evaluation.Outcome;
import dev.berth.policy.evaluation.PolicySet;
import dev.berth.policy.evaluation.Request;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ActionName;
import dev.berth.policy.value.ResourceArn;
import dev.berth.policy.value.ResourceGroupId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Decides registry requests on the policies as they stand (registry.md section 3): the caller's
 * policies are loaded for every decision, so a detached policy or an ended session counts at once. An
 * identity never acts on another account's repositories (only a role of that account can do that).
 */
public final class RepositoryAuthorizer {
    private final BiFunction<Principal, Optional<String>, PolicySet> policiesOf;

    /** {@code policiesOf} loads the caller's policies, narrowed by a role session's policy. */
    public RepositoryAuthorizer(BiFunction<Principal, Optional<String>, PolicySet> policiesOf) {
        this.policiesOf = Objects.requireNonNull(policiesOf, "policiesOf");
    }

    /** The decision for one action on one resource of {@code owner}, with the holding instance's resource group. */
    public Decision decide(Principal principal, Optional<String> sessionPolicy, ActionName action, AccountId owner, ResourceArn resource,
                           Optional<ResourceGroupId> resourceGroup, RequestContext context) {
        if (!accountOf(principal).map(owner::equals).orElse(false)) {
            return Decision.IMPLICIT_DENY;
        }
        PolicySet policies = policiesOf.apply(principal, sessionPolicy);
        return PolicyEngine.evaluate(new Request(principal, action, resource, resourceGroup, context), policies);
    }

    public boolean allows(Principal principal, Optional<String> sessionPolicy, ActionName action, AccountId owner, ResourceArn resource,
                          Optional<ResourceGroupId> resourceGroup, RequestContext context) {
        return decide(principal, sessionPolicy, action, owner, resource, resourceGroup, context).outcome() == Outcome.Allow;
    }

    static Optional<AccountId> accountOf(Principal principal) {
        return switch (principal) {
            case Principal.Account account -> Optional.of(account.account());
            case Principal.RamUser user -> Optional.of(user.account());
            case Principal.RoleSession session -> Optional.of(session.account());
            case Principal.Service service -> Optional.empty();
            case Principal.FederatedSession federated -> Optional.empty();
        };
    }
}
