package dev.berth.policy.evaluation;

/** The three answers of policy.md section 4. */
public enum Outcome {
    Allow,
    ExplicitDeny,
    ImplicitDeny
}
