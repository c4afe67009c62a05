package dev.berth.server.registry;

import dev.berth.policy.value.ActionName;

/**
 * What a {@code /v2} request needs on its repository (registry.md section 3), with the RAM action it is
 * authorized as and the Docker token scope action that asks for it.
 */
public enum RegistryAccess {
    PULL("pull", ActionName.of("cr:PullRepository")),
    PUSH("push", ActionName.of("cr:PushRepository")),
    DELETE("delete", ActionName.of("cr:DeleteRepositoryTag"));

    private final String scopeAction;
    private final ActionName action;

    RegistryAccess(String scopeAction, ActionName action) {
        this.scopeAction = scopeAction;
        this.action = action;
    }

    /** {@code pull}, {@code push} or {@code delete}, as in a token scope. */
    public String scopeAction() {
        return scopeAction;
    }

    public ActionName action() {
        return action;
    }
}
