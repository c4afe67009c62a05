package dev.berth.server.registry.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The host the request was sent to (an Enterprise Edition instance's own host names it), what the
 * policy context of a token request holds besides the caller (policy.md: {@code acs:CurrentTime},
 * {@code acs:SourceIp}, ...), and the identity generation the request read before it signed in, at
 * which every decision of the request loads the caller's policies.
 */
public record GrantContext(Instant now, Optional<String> sourceAddress, boolean secure, Optional<String> userAgent,
                           Optional<String> host, long identityGeneration) {
    public GrantContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(host, "host");
    }

    /** The context of {@code request}, received at {@code now}, at the identity generation it read before signing in. */
    public static GrantContext of(Request request, Instant now, long identityGeneration) {
        return new GrantContext(now, Optional.ofNullable(Request.getRemoteAddr(request)), request.isSecure(),
                Optional.ofNullable(request.getHeaders().get(HttpHeader.USER_AGENT)),
                Optional.ofNullable(request.getHeaders().get(HttpHeader.HOST)), identityGeneration);
    }
}
