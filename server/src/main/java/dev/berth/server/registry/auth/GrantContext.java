package dev.berth.server.registry.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The host the request was sent to (an Enterprise Edition instance's own host names it), and what the policy context of a token request holds besides the caller (policy.md: {@code acs:CurrentTime}, {@code acs:SourceIp}, ...). */
public record GrantContext(Instant now, Optional<String> sourceAddress, boolean secure, Optional<String> userAgent,
                           Optional<String> host) {
    public GrantContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(host, "host");
    }
}
