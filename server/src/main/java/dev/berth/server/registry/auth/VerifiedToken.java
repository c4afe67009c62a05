package dev.berth.server.registry.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A token whose signature, header and claims were checked: what it says. The identity it names
 * still has to be re-checked as it stands now ({@link RegistryIdentities#recheck}).
 *
 * @param identity empty for an anonymous access token
 * @param access   the scopes an access token grants; empty for other kinds
 */
public record VerifiedToken(TokenKind kind, Optional<TokenIdentity> identity, List<Scope> access, Instant issuedAt,
                            Instant expiresAt, String id) {
    public VerifiedToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(identity, "identity");
        access = List.copyOf(access);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(id, "id");
    }
}
