package dev.berth.policy.evaluation;

import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.ActionName;
import dev.berth.policy.value.ResourceArn;
import dev.berth.policy.value.ResourceGroupId;
import java.util.Objects;
import java.util.Optional;

/** A request to authorize (policy.md section 4); time and addresses arrive in the context. */
public record Request(
        Principal principal,
        ActionName action,
        ResourceArn resource,
        Optional<ResourceGroupId> resourceGroup,
        RequestContext context) {

    public Request {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(context, "context");
    }
}
