package dev.berth.policy.evaluation;

import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.Effect;
import dev.berth.policy.document.PolicyDocument;
import dev.berth.policy.document.Statement;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.ActionName;
import dev.berth.policy.value.RoleArn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Decides {@code AssumeRole} (policy.md section 5). */
public final class RoleAssumption {
    private static final ActionName ASSUME_ROLE = ActionName.of("sts:AssumeRole");
    /** The trust policy has no version of its own; deciding statements name it so. */
    public static final String TRUST_POLICY_NAME = "AssumeRolePolicyDocument";

    private RoleAssumption() {
    }

    public static AssumeRoleDecision decide(Principal caller, PolicySet callerPolicies, RoleArn role,
                                            PolicyDocument trustPolicy, RequestContext context) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callerPolicies, "callerPolicies");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(context, "context");
        if (trustPolicy.kind() != DocumentKind.TRUST) {
            throw new IllegalArgumentException("a role's trust policy must be a trust document");
        }
        Optional<Decision> permission = caller instanceof Principal.Service
                ? Optional.empty()
                : Optional.of(callerPolicies.evaluate(
                        new Request(caller, ASSUME_ROLE, role.resource(), Optional.empty(), context)));
        Decision trust = trust(caller, trustPolicy, context);
        Outcome callerOutcome = permission.map(Decision::outcome).orElse(Outcome.Allow);
        Outcome decision;
        if (callerOutcome == Outcome.ExplicitDeny || trust.outcome() == Outcome.ExplicitDeny) {
            decision = Outcome.ExplicitDeny;
        } else if (callerOutcome == Outcome.Allow && trust.outcome() == Outcome.Allow) {
            decision = Outcome.Allow;
        } else {
            decision = Outcome.ImplicitDeny;
        }
        return new AssumeRoleDecision(decision, permission, trust);
    }

    /** Half B: an Allow statement naming the action, admitting the caller and holding, and no such Deny. */
    static Decision trust(Principal caller, PolicyDocument trustPolicy, RequestContext context) {
        List<DecidingStatement> allows = new ArrayList<>();
        List<DecidingStatement> denies = new ArrayList<>();
        for (Statement statement : trustPolicy.statements()) {
            boolean applies = statement.actions().admits(ASSUME_ROLE.normalized())
                    && statement.principals().orElseThrow().admits(caller)
                    && statement.condition().holds(context);
            if (applies) {
                DecidingStatement reference = new DecidingStatement(TRUST_POLICY_NAME, "v1", statement.index(), statement.sid());
                (statement.effect() == Effect.Deny ? denies : allows).add(reference);
            }
        }
        if (!denies.isEmpty()) {
            return new Decision(Outcome.ExplicitDeny, denies);
        }
        return allows.isEmpty() ? Decision.IMPLICIT_DENY : new Decision(Outcome.Allow, allows);
    }
}
