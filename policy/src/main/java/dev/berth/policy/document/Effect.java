package dev.berth.policy.document;

/** A statement's {@code Effect}: exactly {@code "Allow"} or {@code "Deny"}. */
public enum Effect {
    Allow,
    Deny
}
