package dev.berth.server.registry.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the policy context of a token request holds besides the caller (policy.md: {@code acs:CurrentTime}, {@code acs:SourceIp}, ...). */
public record GrantContext(Instant now, Optional<String> sourceAddress, boolean secure, Optional<String> userAgent) {
    public GrantContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(userAgent, "userAgent");
    }
}
