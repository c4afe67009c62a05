package dev.berth.iam.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy attached to a principal of the account, at account scope ({@code resourceGroup} empty)
 * or at the scope of one resource group.
 */
public record Attachment(PrincipalType principalType, String principalName, PolicyType policyType, String policyName,
                         Optional<String> resourceGroup, Instant attachedAt) {
    public Attachment {
        Objects.requireNonNull(principalType, "principalType");
        Objects.requireNonNull(principalName, "principalName");
        Objects.requireNonNull(policyType, "policyType");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(attachedAt, "attachedAt");
    }

    /** Who a policy can be attached to. */
    public enum PrincipalType { User, Group, Role }
}
