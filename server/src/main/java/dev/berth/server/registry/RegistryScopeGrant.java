package dev.berth.server.registry;

import dev.berth.policy.evaluation.Outcome;
import dev.berth.registry.name.InvalidNameException;
import dev.berth.server.registry.auth.GrantContext;
import dev.berth.server.registry.auth.RegistryCaller;
import dev.berth.server.registry.auth.Scope;
import dev.berth.server.registry.auth.ScopeAction;
import dev.berth.server.registry.auth.ScopeGrant;
import dev.berth.server.registry.auth.ScopeResource;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the token endpoint may grant (registry.md section 4): of the actions asked on a repository,
 * those {@link RegistryPermissions} allows now; the catalog to anyone signed in (its listing is
 * filtered by {@code cr:ListRepository} when it is read).
 */
public final class RegistryScopeGrant implements ScopeGrant {
    private final RegistryAddresses addresses;
    private final RegistryPermissions permissions;

    public RegistryScopeGrant(RegistryAddresses addresses, RegistryPermissions permissions) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
    }

    @Override
    public Set<ScopeAction> grant(RegistryCaller caller, Scope requested, GrantContext context) {
        return switch (requested.resource()) {
            case ScopeResource.Catalog catalog -> caller instanceof RegistryCaller.Identified ? EnumSet.of(ScopeAction.ALL)
                    : EnumSet.noneOf(ScopeAction.class);
            case ScopeResource.Repository repository -> granted(caller, repository, requested.actions(), context);
        };
    }

    private Set<ScopeAction> granted(RegistryCaller caller, ScopeResource.Repository repository, Set<ScopeAction> asked,
                                     GrantContext context) {
        RegistryPermissions.Target target;
        try {
            target = permissions.target(addresses.locate(context.host(), repository.name()), caller);
        } catch (InvalidNameException e) {
            return EnumSet.noneOf(ScopeAction.class);
        }
        Set<ScopeAction> granted = EnumSet.noneOf(ScopeAction.class);
        for (ScopeAction action : asked) {
            RegistryAccess access = switch (action) {
                case PULL -> RegistryAccess.PULL;
                case PUSH -> RegistryAccess.PUSH;
                case DELETE, ALL -> RegistryAccess.DELETE;
            };
            if (permissions.decide(caller, access, target, context).outcome() == Outcome.Allow) {
                granted.add(action);
            }
        }
        return granted;
    }
}
