package dev.berth.iam.key;

/** {@code Active} or {@code Inactive}: an inactive key signs nothing. */
public enum AccessKeyStatus {
    Active,
    Inactive
}
