package dev.berth.server.registry.auth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Docker token scope, asked or granted: a resource and one or more actions. A repository takes
 * {@code pull}, {@code push} and {@code delete}; the catalog takes {@code *} alone.
 */
public record Scope(ScopeResource resource, Set<ScopeAction> actions) {
    private static final Set<ScopeAction> REPOSITORY_ACTIONS = EnumSet.of(ScopeAction.PULL, ScopeAction.PUSH, ScopeAction.DELETE);

    public Scope {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(actions, "actions");
        if (actions.isEmpty()) {
            throw new InvalidScopeException("scope of `" + resource.name() + "` names no action");
        }
        Set<ScopeAction> allowed = switch (resource) {
            case ScopeResource.Repository repository -> REPOSITORY_ACTIONS;
            case ScopeResource.Catalog catalog -> EnumSet.of(ScopeAction.ALL);
        };
        if (!allowed.containsAll(actions)) {
            throw new InvalidScopeException("resource type `" + resource.type() + "` takes the actions " + wire(allowed) + ", got "
                    + wire(actions));
        }
        actions = Collections.unmodifiableSet(EnumSet.copyOf(actions));
    }

    /** The scope as the token endpoint reads it: {@code repository:juzhong/app:pull,push}. */
    @Override
    public String toString() {
        return resource.type() + ":" + resource.name() + ":" + actions.stream().map(ScopeAction::wire).collect(Collectors.joining(","));
    }

    private static String wire(Set<ScopeAction> actions) {
        return actions.stream().map(action -> "`" + action.wire() + "`").collect(Collectors.joining(", "));
    }
}
