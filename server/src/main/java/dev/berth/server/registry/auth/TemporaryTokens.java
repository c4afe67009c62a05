package dev.berth.server.registry.auth;

import dev.berth.policy.principal.Principal;
import java.time.Instant;
import java.util.Objects;

/**
 * Temporary registry passwords for {@code GetAuthorizationToken} (registry.md section 4): valid one
 * hour, or until the STS credentials that asked expire, carrying the caller's identity, so that a
 * role session's token has the session's permissions. The user name is {@code cr_temp_user}.
 */
public final class TemporaryTokens {
    private final RegistryIdentities identities;
    private final RegistryTokens tokens;

    public TemporaryTokens(RegistryIdentities identities, RegistryTokens tokens) {
        this.identities = Objects.requireNonNull(identities, "identities");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The answer of {@code GetAuthorizationToken}: {@code TempUsername}, {@code AuthorizationToken}, {@code ExpireTime}. */
    public record Issued(String userName, String token, Instant expiresAt) {
        public Issued {
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "Issued[" + userName + ", until " + expiresAt + ", token hidden]";
        }
    }

    /**
     * A temporary token for a signed RPC caller; {@code accessKeyId} is the key that signed the call.
     * {@link SignInRefusedException} ({@code REVOKED}) when the caller's identity does not hold.
     */
    public Issued issue(Principal caller, String accessKeyId, Instant now) {
        IssuedToken token = tokens.issueTemporary(identities.ofSignedCaller(caller, accessKeyId, now), now);
        return new Issued(RegistrySignIn.TEMPORARY_USER, token.value(), token.expiresAt());
    }
}
