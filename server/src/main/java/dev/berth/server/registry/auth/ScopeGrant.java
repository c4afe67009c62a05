package dev.berth.server.registry.auth;

import java.util.Set;

/**
 * Decides which of the actions a caller asked in one scope it may have (registry.md section 4),
 * against the policies as they stand. The token endpoint keeps only what was both asked and
 * granted; granting nothing is not an error.
 */
@FunctionalInterface
public interface ScopeGrant {
    Set<ScopeAction> grant(RegistryCaller caller, Scope requested, GrantContext context);
}
