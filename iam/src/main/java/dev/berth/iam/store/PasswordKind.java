package dev.berth.iam.store;

/** The two separate secrets of iam-api.md section 5. */
public enum PasswordKind {
    CONSOLE,
    REGISTRY
}
