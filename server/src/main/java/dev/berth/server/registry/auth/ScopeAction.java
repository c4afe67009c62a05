package dev.berth.server.registry.auth;

import java.util.Optional;

/**
 * An action of a Docker token scope (registry.md section 3): {@code pull}, {@code push} and
 * {@code delete} on a repository; {@code *} on the catalog. A {@code *} asked on a repository
 * stands for the three and is read as them.
 */
public enum ScopeAction {
    PULL("pull"),
    PUSH("push"),
    DELETE("delete"),
    ALL("*");

    private final String wire;

    ScopeAction(String wire) {
        this.wire = wire;
    }

    /** The action as scopes and tokens write it. */
    public String wire() {
        return wire;
    }

    public static Optional<ScopeAction> ofWire(String text) {
        for (ScopeAction action : values()) {
            if (action.wire.equals(text)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
