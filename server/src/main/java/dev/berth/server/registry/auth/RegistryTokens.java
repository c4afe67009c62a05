package dev.berth.server.registry.auth;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.berth.server.registry.auth.SignInRefusedException.Reason;
import dev.berth.server.rpc.Principals;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs and verifies the server's tokens (registry.md section 4): JWTs signed ES256 with the
 * server's key, {@code kid} its thumbprint, claims {@code iss}, {@code aud}, {@code sub} (the caller's
 * ARN), {@code exp}, {@code nbf}, {@code iat}, {@code jti}, and those of {@link TokenClaims}.
 *
 * <p>Verification knows one key, the server's, and one algorithm: a token whose header names
 * another algorithm ({@code none}, HMAC, ...), another key id, or a key or certificate of its own
 * ({@code jwk}, {@code jku}, {@code x5c}, {@code x5u}) is refused before its signature is looked at.
 */
public final class RegistryTokens {
    /** Longer than any token the server signs; a bound on the work a presented one may cause. */
    static final int LONGEST = 16 * 1024;

    private final SigningKey key;
    private final TokenSettings settings;
    private final JWSSigner signer;
    private final JWSVerifier verifier;

    public RegistryTokens(SigningKey key, TokenSettings settings) {
        this.key = Objects.requireNonNull(key, "key");
        this.settings = Objects.requireNonNull(settings, "settings");
        try {
            this.signer = new ECDSASigner(key.privateKey());
            this.verifier = new ECDSAVerifier(key.publicKey());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the token key is not a usable P-256 key", e);
        }
    }

    public TokenSettings settings() {
        return settings;
    }

    /** An access token for {@code caller} granting {@code access}; it ends no later than the caller's identity. */
    public IssuedToken issueAccess(RegistryCaller caller, List<Scope> access, Instant now) {
        return switch (caller) {
            case RegistryCaller.Anonymous anonymous -> issue(TokenKind.ACCESS, Optional.empty(), Optional.empty(), access, now);
            case RegistryCaller.Identified identified -> issue(TokenKind.ACCESS, Optional.of(TokenIdentity.of(identified)),
                    identified.expiresAt(), access, now);
        };
    }

    /** A refresh token: the caller's identity, to be traded for access tokens at the token endpoint. */
    public IssuedToken issueRefresh(RegistryCaller.Identified caller, Instant now) {
        return issue(TokenKind.REFRESH, Optional.of(TokenIdentity.of(caller)), caller.expiresAt(), List.of(), now);
    }

    /** A {@code GetAuthorizationToken} token: the caller's identity, the password of {@code cr_temp_user}. */
    public IssuedToken issueTemporary(RegistryCaller.Identified caller, Instant now) {
        return issue(TokenKind.TEMPORARY, Optional.of(TokenIdentity.of(caller)), caller.expiresAt(), List.of(), now);
    }

    private IssuedToken issue(TokenKind kind, Optional<TokenIdentity> identity, Optional<Instant> identityEnd, List<Scope> access,
                              Instant now) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(settings.lifetime(kind));
        if (identityEnd.isPresent() && identityEnd.get().isBefore(expiresAt)) {
            expiresAt = identityEnd.get().truncatedTo(ChronoUnit.SECONDS);
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new SignInRefusedException(Reason.REVOKED, "the credentials expired at " + identityEnd.orElse(expiresAt));
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(kind.audience(settings.service()))
                .expirationTime(Date.from(expiresAt))
                .notBeforeTime(Date.from(issuedAt))
                .issueTime(Date.from(issuedAt))
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenClaims.PRINCIPAL, TokenClaims.principal(identity.map(TokenIdentity::principal)));
        identity.ifPresent(value -> claims.subject(Principals.arn(value.principal()))
                .claim(TokenClaims.CREDENTIAL, TokenClaims.credential(value.credential())));
        if (kind == TokenKind.ACCESS) {
            claims.claim(TokenClaims.ACCESS, TokenClaims.access(access));
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.keyId()).type(new JOSEObjectType(kind.type())).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new IssuedToken(kind, jwt.serialize(), issuedAt, expiresAt);
    }

    /**
     * Checks a presented token of the {@code expected} kind: header, signature with the server's
     * key, issuer, audience, validity period (with the settings' leeway) and claims. Anything wrong
     * is {@link SignInRefusedException} with reason {@code INVALID_TOKEN} and a message saying what.
     */
    /** Tokens whose signature verified are kept at most this many; past it the memory starts over. */
    private static final int SIGNATURES_KEPT = 10_000;

    /**
     * The claims of tokens whose signature verified, by their exact text: a signature is checked once per
     * token (an ES256 verification costs more than the rest of a registry request), while the header,
     * the issuer, the audience and the validity period are checked on every use.
     */
    private final java.util.Map<String, JWTClaimsSet> signatureChecked = new java.util.concurrent.ConcurrentHashMap<>();

    public VerifiedToken verify(TokenKind expected, String token, Instant now) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(now, "now");
        SignedJWT jwt = signed(token);
        requireTrustedHeader(expected, jwt.getHeader());
        JWTClaimsSet claims = signatureChecked.get(token);
        if (claims == null) {
            try {
                if (!jwt.verify(verifier)) {
                    throw invalid("the signature does not verify with the server's key");
                }
            } catch (JOSEException e) {
                throw invalid("the signature does not verify with the server's key");
            }
            try {
                claims = jwt.getJWTClaimsSet();
            } catch (ParseException e) {
                throw invalid("the token's claims are not a JSON object");
            }
            if (signatureChecked.size() >= SIGNATURES_KEPT) {
                signatureChecked.clear();
            }
            signatureChecked.put(token, claims);
        }
        return verified(expected, claims, now);
    }

    private static SignedJWT signed(String token) {
        if (token == null || token.isEmpty() || token.length() > LONGEST) {
            throw invalid("the token is empty or too long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("the token is not a signed JWT of three parts");
        }
        Header header;
        try {
            header = Header.parse(new Base64URL(parts[0]));
        } catch (ParseException e) {
            throw invalid("the token's header is malformed");
        }
        switch (header) {
            case PlainHeader plain -> throw invalid("unsigned tokens (`alg: none`) are refused");
            case JWEHeader encrypted -> throw invalid("encrypted tokens are refused");
            case JWSHeader signed -> {
                try {
                    return new SignedJWT(new Base64URL(parts[0]), new Base64URL(parts[1]), new Base64URL(parts[2]));
                } catch (ParseException e) {
                    throw invalid("the token is malformed");
                }
            }
            default -> throw invalid("the token's header is malformed");
        }
    }

    private void requireTrustedHeader(TokenKind expected, JWSHeader header) {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw invalid("algorithm `" + header.getAlgorithm() + "` is refused: tokens are signed with `ES256`");
        }
        if (header.getJWK() != null || header.getJWKURL() != null || header.getX509CertChain() != null
                || header.getX509CertURL() != null) {
            throw invalid("a token may not name its own key (`jwk`, `jku`, `x5c`, `x5u`): it is verified with the server's key only");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw invalid("critical header parameters (`crit`) are refused");
        }
        if (!header.isBase64URLEncodePayload()) {
            throw invalid("unencoded payloads (`b64: false`) are refused");
        }
        if (!key.keyId().equals(header.getKeyID())) {
            throw invalid("key `" + shown(header.getKeyID()) + "` is not the server's token key");
        }
        if (header.getType() == null || !expected.type().equals(header.getType().getType())) {
            throw invalid("the token is not " + expected.described() + " (type `"
                    + shown(header.getType() == null ? null : header.getType().getType()) + "`)");
        }
    }

    private VerifiedToken verified(TokenKind expected, JWTClaimsSet claims, Instant now) {
        if (!settings.issuer().equals(claims.getIssuer())) {
            throw invalid("the token was issued by `" + shown(claims.getIssuer()) + "`, not `" + settings.issuer() + "`");
        }
        String audience = expected.audience(settings.service());
        if (!List.of(audience).equals(claims.getAudience())) {
            throw invalid("the token is for " + claims.getAudience().stream().map(value -> "`" + shown(value) + "`").toList()
                    + ", not " + expected.described() + " for `" + settings.service() + "`");
        }
        Date expiration = claims.getExpirationTime();
        Date notBefore = claims.getNotBeforeTime();
        Date issued = claims.getIssueTime();
        if (expiration == null || notBefore == null || issued == null || claims.getJWTID() == null) {
            throw invalid("the token lacks `exp`, `nbf`, `iat` or `jti`");
        }
        if (now.isAfter(expiration.toInstant().plus(settings.leeway()))) {
            throw invalid("the token expired at " + expiration.toInstant());
        }
        if (now.isBefore(notBefore.toInstant().minus(settings.leeway()))) {
            throw invalid("the token is not valid before " + notBefore.toInstant());
        }
        Optional<TokenIdentity> identity = identity(claims);
        if (identity.isEmpty() && expected != TokenKind.ACCESS) {
            throw invalid(expected.described() + " must name an identity");
        }
        List<Scope> access = expected == TokenKind.ACCESS ? TokenClaims.access(claims.getClaim(TokenClaims.ACCESS)) : List.of();
        return new VerifiedToken(expected, identity, access, issued.toInstant(), expiration.toInstant(), claims.getJWTID());
    }

    private static Optional<TokenIdentity> identity(JWTClaimsSet claims) {
        Map<String, Object> principalClaim;
        Map<String, Object> credentialClaim;
        try {
            principalClaim = claims.getJSONObjectClaim(TokenClaims.PRINCIPAL);
            credentialClaim = claims.getJSONObjectClaim(TokenClaims.CREDENTIAL);
        } catch (ParseException e) {
            throw invalid("claims `principal` and `credential` must be JSON objects");
        }
        if (principalClaim == null) {
            throw invalid("the token lacks claim `principal`");
        }
        Optional<TokenIdentity> identity = TokenClaims.principal(principalClaim).map(principal -> {
            if (credentialClaim == null) {
                throw invalid("the token lacks claim `credential`");
            }
            return new TokenIdentity(principal, TokenClaims.credential(credentialClaim));
        });
        Optional<String> subject = identity.map(value -> Principals.arn(value.principal()));
        if (!subject.equals(Optional.ofNullable(claims.getSubject()))) {
            throw invalid("claim `sub` does not name the token's principal");
        }
        return identity;
    }

    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }

    private static SignInRefusedException invalid(String message) {
        return new SignInRefusedException(Reason.INVALID_TOKEN, message);
    }
}
