package dev.berth.server.registry.auth;

import dev.berth.policy.principal.Principal;
import java.util.Objects;

/** The identity a token carries: who, and the credential to re-check it against on every use. */
public record TokenIdentity(Principal principal, Credential credential) {
    public TokenIdentity {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(credential, "credential");
    }

    public static TokenIdentity of(RegistryCaller.Identified caller) {
        return new TokenIdentity(caller.principal(), caller.credential());
    }
}
