package dev.berth.policy.evaluation;

import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.PolicyDocument;
import java.util.Objects;

/** A policy version that counts for a principal, with the scope of its attachment. */
public record AttachedPolicy(String name, String version, Scope scope, PolicyDocument document) {
    public AttachedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(document, "document");
        if (document.kind() == DocumentKind.TRUST) {
            throw new IllegalArgumentException("a trust policy cannot be attached: " + name);
        }
    }
}
