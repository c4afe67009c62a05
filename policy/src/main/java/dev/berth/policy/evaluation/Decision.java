package dev.berth.policy.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a request and the statements that decided it: the matching {@code Deny} statements
 * of an explicit deny, the matching {@code Allow} statements of an allow, none for an implicit deny.
 */
public record Decision(Outcome outcome, List<DecidingStatement> deciding) {
    public static final Decision IMPLICIT_DENY = new Decision(Outcome.ImplicitDeny, List.of());
    public static final Decision ALLOW_WITHOUT_POLICY = new Decision(Outcome.Allow, List.of());

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        deciding = List.copyOf(deciding);
    }

    public boolean allowed() {
        return outcome == Outcome.Allow;
    }
}
