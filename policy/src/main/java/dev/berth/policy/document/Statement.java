package dev.berth.policy.document;

import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a document (policy.md section 1). {@code resources} is present in identity and
 * session policies, {@code principals} in trust policies.
 */
public record Statement(
        int index,
        Optional<String> sid,
        Effect effect,
        PatternList actions,
        Optional<PatternList> resources,
        Optional<PrincipalSpec> principals,
        Condition condition) {

    public Statement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(principals, "principals");
        Objects.requireNonNull(condition, "condition");
        if (resources.isPresent() == principals.isPresent()) {
            throw new IllegalArgumentException("a statement names either resources or principals");
        }
    }
}
