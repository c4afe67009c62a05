package dev.berth.server.registry.auth;

import dev.berth.policy.principal.Principal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Who calls the registry (registry.md section 4): nobody in particular, or an identity checked as it stands now. */
public sealed interface RegistryCaller {

    /** A caller with no credentials: pulls of {@code PUBLIC} repositories only. */
    record Anonymous() implements RegistryCaller {
    }

    /**
     * A signed-in caller: the account itself, a RAM user, or a role session (which signs in with a
     * temporary token only).
     *
     * @param sessionPolicy the role session's policy, which bounds its permissions
     * @param expiresAt     when the identity stops holding: the role session's end, or the end of
     *                      the temporary or refresh token it was proven with; empty for a password
     */
    record Identified(Principal principal, Optional<String> sessionPolicy, Optional<Instant> expiresAt, Credential credential)
            implements RegistryCaller {
        public Identified {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(sessionPolicy, "sessionPolicy");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(credential, "credential");
            switch (principal) {
                case Principal.Account account -> requireNoSessionPolicy(sessionPolicy);
                case Principal.RamUser user -> requireNoSessionPolicy(sessionPolicy);
                case Principal.RoleSession session -> {
                    if (credential.kind() != CredentialKind.TEMPORARY_TOKEN) {
                        throw new IllegalArgumentException("a role session signs in with a temporary token only");
                    }
                }
                case Principal.Service service -> throw new IllegalArgumentException("a service does not sign in to the registry");
                case Principal.FederatedSession federated ->
                        throw new IllegalArgumentException("a federated session does not sign in to the registry");
            }
        }

        private static void requireNoSessionPolicy(Optional<String> sessionPolicy) {
            if (sessionPolicy.isPresent()) {
                throw new IllegalArgumentException("only a role session has a session policy");
            }
        }

        /** The same identity, holding no later than {@code end}. */
        public Identified until(Instant end) {
            Instant earliest = expiresAt.filter(current -> current.isBefore(end)).orElse(end);
            return new Identified(principal, sessionPolicy, Optional.of(earliest), credential);
        }
    }
}
