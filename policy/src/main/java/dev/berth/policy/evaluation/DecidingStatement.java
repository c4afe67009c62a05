package dev.berth.policy.evaluation;

import java.util.Objects;
import java.util.Optional;

/** A statement that decided a request: policy name, version, index from 0 and {@code Sid}. */
public record DecidingStatement(String policy, String version, int statement, Optional<String> sid) {
    public DecidingStatement {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sid, "sid");
    }
}
