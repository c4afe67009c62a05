package dev.berth.server.registry.auth;

import dev.berth.iam.IamException;
import dev.berth.iam.service.RegistryPasswords;
import dev.berth.iam.value.UserName;
import dev.berth.policy.principal.Principal;
import dev.berth.server.registry.auth.SignInRefusedException.Reason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves registry credentials to a caller (registry.md section 4), for the token endpoint and for
 * Basic and Bearer credentials on {@code /v2}:
 *
 * <table>
 *   <tr><th>user name</th><th>password</th></tr>
 *   <tr><td>{@code <user-name>@<account alias or id>}</td><td>that RAM user's registry password</td></tr>
 *   <tr><td>{@code <account alias or id>}</td><td>the account's registry password</td></tr>
 *   <tr><td>{@code cr_temp_user}</td><td>a temporary token from {@code GetAuthorizationToken}</td></tr>
 *   <tr><td>none</td><td>none: anonymous</td></tr>
 * </table>
 */
public final class RegistrySignIn {
    public static final String TEMPORARY_USER = "cr_temp_user";
    /** Longer than any user name or password that can match; longer ones are refused without a hash. */
    private static final int LONGEST_NAME = 200;
    private static final int LONGEST_PASSWORD = 256;

    private final RegistryPasswords passwords;
    private final RegistryTokens tokens;
    private final RegistryIdentities identities;

    public RegistrySignIn(RegistryPasswords passwords, RegistryTokens tokens, RegistryIdentities identities) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.identities = Objects.requireNonNull(identities, "identities");
    }

    /**
     * The identity store's generation, for a request to read before it signs in: the policies it then
     * loads at that generation are no older than the identity the sign-in checked.
     */
    public long identityGeneration() {
        return identities.generation();
    }

    /** The caller of a request with these credentials, or with none. */
    public RegistryCaller signIn(Optional<BasicCredentials> credentials, Instant now) {
        return credentials.<RegistryCaller>map(value -> signIn(value, now)).orElseGet(RegistryCaller.Anonymous::new);
    }

    /**
     * The identity behind a user name and password. {@link SignInRefusedException}: {@code WRONG_CREDENTIALS}
     * (the message never says whether the identity exists), {@code THROTTLED}, or, for a temporary
     * token, {@code INVALID_TOKEN} or {@code REVOKED}.
     */
    public RegistryCaller.Identified signIn(BasicCredentials credentials, Instant now) {
        String userName = credentials.userName();
        if (userName.equals(TEMPORARY_USER)) {
            VerifiedToken token = tokens.verify(TokenKind.TEMPORARY, credentials.password(), now);
            return identities.recheck(token.identity().orElseThrow(), now).until(token.expiresAt());
        }
        if (userName.isEmpty() || userName.length() > LONGEST_NAME || credentials.password().length() > LONGEST_PASSWORD) {
            throw wrong();
        }
        int at = userName.indexOf('@');
        Optional<RegistryPasswords.Match> match;
        try {
            if (at < 0) {
                match = passwords.verify(userName, Optional.empty(), credentials.password(), now);
            } else {
                String account = userName.substring(at + 1);
                Optional<UserName> user = userName(userName.substring(0, at));
                if (user.isEmpty() || account.isEmpty() || account.indexOf('@') >= 0) {
                    throw wrong();
                }
                match = passwords.verify(account, user, credentials.password(), now);
            }
        } catch (IamException e) {
            if (e.kind() == IamException.Kind.THROTTLED) {
                throw new SignInRefusedException(Reason.THROTTLED, "too many wrong passwords: try again later");
            }
            throw e;
        }
        RegistryPasswords.Match found = match.orElseThrow(RegistrySignIn::wrong);
        Principal principal = found.user().<Principal>map(user -> new Principal.RamUser(found.account(), user.name().value()))
                .orElseGet(() -> new Principal.Account(found.account()));
        String principalId = found.user().map(user -> user.id()).orElse(found.account().value());
        return new RegistryCaller.Identified(principal, Optional.empty(), Optional.empty(),
                new Credential(CredentialKind.REGISTRY_PASSWORD, principalId, found.stamp()));
    }

    /** The caller of a bearer access token on {@code /v2}, re-checked now, and what the token grants. */
    public BearerAccess bearer(String token, Instant now) {
        VerifiedToken verified = tokens.verify(TokenKind.ACCESS, token, now);
        RegistryCaller caller = verified.identity().<RegistryCaller>map(identity ->
                identities.recheck(identity, now).until(verified.expiresAt())).orElseGet(RegistryCaller.Anonymous::new);
        return new BearerAccess(caller, verified.access(), verified.expiresAt());
    }

    /** The identity a refresh token names, re-checked now; it holds no longer than the refresh token. */
    public RegistryCaller.Identified refresh(String refreshToken, Instant now) {
        VerifiedToken verified = tokens.verify(TokenKind.REFRESH, refreshToken, now);
        return identities.recheck(verified.identity().orElseThrow(), now).until(verified.expiresAt());
    }

    private static Optional<UserName> userName(String name) {
        try {
            return Optional.of(new UserName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SignInRefusedException wrong() {
        return new SignInRefusedException(Reason.WRONG_CREDENTIALS, "wrong user name or password");
    }
}
