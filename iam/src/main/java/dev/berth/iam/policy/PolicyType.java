package dev.berth.iam.policy;

/** {@code System} (built in, read-only) or {@code Custom} (the account's own). */
public enum PolicyType {
    System,
    Custom
}
