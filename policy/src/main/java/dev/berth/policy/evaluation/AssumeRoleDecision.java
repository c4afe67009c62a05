package dev.berth.policy.evaluation;

import java.util.Objects;
import java.util.Optional;

/**
 * Both halves of an {@code AssumeRole} (policy.md section 5): the caller's permission, absent for a
 * service principal, which does not need one, and the role's trust policy.
 */
public record AssumeRoleDecision(Outcome decision, Optional<Decision> callerPermission, Decision trust) {
    public AssumeRoleDecision {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(callerPermission, "callerPermission");
        Objects.requireNonNull(trust, "trust");
    }

    public boolean allowed() {
        return decision == Outcome.Allow;
    }
}
