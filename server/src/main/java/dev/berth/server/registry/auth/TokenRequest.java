package dev.berth.server.registry.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request of the token endpoint, read: the service it names, the scopes it asks, how the caller
 * signs in, and whether it wants a refresh token too.
 */
record TokenRequest(String service, List<Scope> scopes, SignIn signIn, boolean wantsRefreshToken) {
    TokenRequest {
        Objects.requireNonNull(service, "service");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(signIn, "signIn");
    }

    /** How the caller proves who it is. */
    sealed interface SignIn {
        /** Basic credentials (GET), a password grant (POST), or nothing (anonymous, GET only). */
        record Credentials(Optional<BasicCredentials> credentials) implements SignIn {
            public Credentials {
                Objects.requireNonNull(credentials, "credentials");
            }
        }

        /** A refresh token grant (POST). */
        record Refresh(String refreshToken) implements SignIn {
            public Refresh {
                Objects.requireNonNull(refreshToken, "refreshToken");
            }

            @Override
            public String toString() {
                return "Refresh[token hidden]";
            }
        }
    }
}
