package dev.berth.policy.evaluation;

import dev.berth.policy.document.Effect;
import dev.berth.policy.document.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** policy.md section 4 steps 3 to 5 as a plain scan of every statement: the oracle for the index. */
final class ReferenceEvaluator {
    private ReferenceEvaluator() {
    }

    static Decision evaluate(List<AttachedPolicy> policies, Request request) {
        Optional<Decision> account = tier(policies, request, Scope.ACCOUNT);
        if (account.isPresent()) {
            return account.get();
        }
        if (request.resourceGroup().isPresent()) {
            Optional<Decision> group = tier(policies, request, new Scope.ResourceGroup(request.resourceGroup().get()));
            if (group.isPresent()) {
                return group.get();
            }
        }
        return Decision.IMPLICIT_DENY;
    }

    private static Optional<Decision> tier(List<AttachedPolicy> policies, Request request, Scope scope) {
        List<DecidingStatement> allows = new ArrayList<>();
        List<DecidingStatement> denies = new ArrayList<>();
        for (AttachedPolicy policy : policies) {
            if (!policy.scope().equals(scope)) {
                continue;
            }
            for (Statement statement : policy.document().statements()) {
                boolean applies = statement.actions().admits(request.action().normalized())
                        && statement.resources().orElseThrow().admits(request.resource().value())
                        && statement.condition().holds(request.context());
                if (applies) {
                    DecidingStatement reference =
                            new DecidingStatement(policy.name(), policy.version(), statement.index(), statement.sid());
                    (statement.effect() == Effect.Deny ? denies : allows).add(reference);
                }
            }
        }
        if (!denies.isEmpty()) {
            return Optional.of(new Decision(Outcome.ExplicitDeny, denies));
        }
        return allows.isEmpty() ? Optional.empty() : Optional.of(new Decision(Outcome.Allow, allows));
    }
}
