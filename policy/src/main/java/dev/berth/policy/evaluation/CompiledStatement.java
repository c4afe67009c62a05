package dev.berth.policy.evaluation;

import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.document.Effect;
import dev.berth.policy.document.PatternList;
import dev.berth.policy.document.Statement;

/** A statement of an identity or session policy, ready to test against requests. */
final class CompiledStatement {
    final Statement statement;
    final DecidingStatement reference;
    final boolean deny;
    private final PatternList actions;
    private final PatternList resources;

    CompiledStatement(String policy, String version, Statement statement) {
        this.statement = statement;
        this.reference = new DecidingStatement(policy, version, statement.index(), statement.sid());
        this.deny = statement.effect() == Effect.Deny;
        this.actions = statement.actions();
        this.resources = statement.resources().orElseThrow(
                () -> new IllegalArgumentException("statement names no resources: " + policy));
    }

    /**
     * Whether the statement applies to a request whose action its action part already admits: the
     * resource part and the whole condition hold (policy.md section 2).
     */
    boolean appliesTo(String resource, RequestContext context) {
        return resources.admits(resource) && statement.condition().holds(context);
    }

    PatternList resources() {
        return resources;
    }

    PatternList actions() {
        return actions;
    }
}
