package dev.berth.server.registry.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a bearer access token presented on {@code /v2} stands for: its caller, re-checked as the
 * identity stands now, and the scopes it grants. The request is still authorized against the
 * policies as they stand now (registry.md section 3): the scopes only bound it.
 */
public record BearerAccess(RegistryCaller caller, List<Scope> access, Instant expiresAt) {
    public BearerAccess {
        Objects.requireNonNull(caller, "caller");
        access = List.copyOf(access);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the token grants {@code action} on {@code resource}. */
    public boolean grants(ScopeResource resource, ScopeAction action) {
        return access.stream().anyMatch(scope -> scope.resource().equals(resource) && scope.actions().contains(action));
    }
}
