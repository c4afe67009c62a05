package dev.berth.server.registry.auth;

import static dev.berth.server.registry.auth.AuthFixture.NOW;
import static dev.berth.server.registry.auth.TestJwts.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.berth.policy.principal.Principal;
import dev.berth.server.registry.auth.SignInRefusedException.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryTokensTest {
    private static final List<Scope> ACCESS = List.of(Scopes.parse("repository:juzhong/app:pull,push"), Scopes.parse("registry:catalog:*"));

    private final AuthFixture fixture = new AuthFixture();
    private final RegistryTokens tokens = fixture.tokens;
    private final RegistryCaller.Identified alice = new RegistryCaller.Identified(new Principal.RamUser(AuthFixture.ACCOUNT, "alice"),
            Optional.empty(), Optional.empty(), new Credential(CredentialKind.REGISTRY_PASSWORD, "200000000000000001", "0123456789abcdef"));

    @Test
    void anAccessTokenCarriesTheCallerAndTheGrantedScopes() throws Exception {
        IssuedToken issued = tokens.issueAccess(alice, ACCESS, NOW);

        VerifiedToken verified = tokens.verify(TokenKind.ACCESS, issued.value(), NOW);

        assertThat(verified.identity()).contains(TokenIdentity.of(alice));
        assertThat(verified.access()).isEqualTo(ACCESS);
        assertThat(verified.issuedAt()).isEqualTo(NOW);
        assertThat(verified.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5))).isEqualTo(issued.expiresAt());
        SignedJWT jwt = SignedJWT.parse(issued.value());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(fixture.key.keyId());
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(AuthFixture.ISSUER);
        assertThat(claims.getAudience()).containsExactly(AuthFixture.SERVICE);
        assertThat(claims.getSubject()).isEqualTo("acs:ram::1234567890123456:user/alice");
        assertThat(claims.getNotBeforeTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getJWTID()).isNotBlank().isEqualTo(verified.id());
        assertThat(claims.getClaim("access").toString())
                .isEqualTo("[{type=repository, name=juzhong/app, actions=[pull, push]}, {type=registry, name=catalog, actions=[*]}]");
    }

    @Test
    void everyTokenHasItsOwnId() {
        String first = tokens.verify(TokenKind.ACCESS, tokens.issueAccess(alice, ACCESS, NOW).value(), NOW).id();
        String second = tokens.verify(TokenKind.ACCESS, tokens.issueAccess(alice, ACCESS, NOW).value(), NOW).id();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anAnonymousAccessTokenNamesNoIdentityAndNoSubject() throws Exception {
        IssuedToken issued = tokens.issueAccess(new RegistryCaller.Anonymous(), ACCESS.subList(0, 1), NOW);

        VerifiedToken verified = tokens.verify(TokenKind.ACCESS, issued.value(), NOW);

        assertThat(verified.identity()).isEmpty();
        assertThat(verified.access()).isEqualTo(ACCESS.subList(0, 1));
        assertThat(SignedJWT.parse(issued.value()).getJWTClaimsSet().getSubject()).isNull();
    }

    @Test
    void aRoleSessionsTokenNamesTheSessionAndItsStsKey() throws Exception {
        RegistryCaller.Identified session = new RegistryCaller.Identified(new Principal.RoleSession(AuthFixture.ACCOUNT, "builder", "ci"),
                Optional.of(AuthFixture.SESSION_POLICY), Optional.of(NOW.plusSeconds(90)),
                new Credential(CredentialKind.TEMPORARY_TOKEN, "300000000000000001", "STS.abcdefghijklmnopqrstuvwxyz12"));

        IssuedToken issued = tokens.issueTemporary(session, NOW);

        VerifiedToken verified = tokens.verify(TokenKind.TEMPORARY, issued.value(), NOW);
        assertThat(verified.identity()).contains(TokenIdentity.of(session));
        assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(90));
        assertThat(SignedJWT.parse(issued.value()).getJWTClaimsSet().getSubject()).isEqualTo("acs:ram::1234567890123456:role/builder/ci");
    }

    @Test
    void tokensLastTheirKindsLifetimeAtMostAndNoLongerThanTheIdentity() {
        assertThat(tokens.issueRefresh(alice, NOW).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(tokens.issueTemporary(alice, NOW).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        RegistryCaller.Identified shortLived = alice.until(NOW.plusSeconds(120).plusMillis(600));
        assertThat(tokens.issueAccess(shortLived, List.of(), NOW).expiresAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(tokens.issueTemporary(shortLived, NOW.plusMillis(300)).issuedAt()).isEqualTo(NOW);
    }

    @Test
    void noTokenIsIssuedForAnIdentityThatHasEnded() {
        RegistryCaller.Identified ended = alice.until(NOW.plusMillis(500));

        assertThatThrownBy(() -> tokens.issueAccess(ended, List.of(), NOW))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED));
    }

    @Test
    void theTokenStringHidesInLogs() {
        IssuedToken issued = tokens.issueAccess(alice, ACCESS, NOW);

        assertThat(issued.toString()).doesNotContain(issued.value());
    }

    @ParameterizedTest
    @EnumSource(TokenKind.class)
    void aTokenIsAcceptedOnlyAsItsOwnKind(TokenKind kind) {
        String token = switch (kind) {
            case ACCESS -> tokens.issueAccess(alice, ACCESS, NOW).value();
            case REFRESH -> tokens.issueRefresh(alice, NOW).value();
            case TEMPORARY -> tokens.issueTemporary(alice, NOW).value();
        };

        assertThat(tokens.verify(kind, token, NOW).kind()).isEqualTo(kind);
        for (TokenKind other : TokenKind.values()) {
            if (other != kind) {
                assertRefused(other, token, "the token is not " + other.described() + " (type `" + kind.type() + "`)");
            }
        }
    }

    @Test
    void aTokenOfTheRightTypeButAnotherKindsAudienceIsRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claimsOf(tokens.issueTemporary(alice, NOW)))
                .claim("access", List.of()).build();

        String forged = sign(header(JWSAlgorithm.ES256).build(), claims, new ECDSASigner(fixture.key.privateKey()));

        assertRefused(TokenKind.ACCESS, forged, "the token is for [`" + AuthFixture.SERVICE + "#temporary`], not an access token for `"
                + AuthFixture.SERVICE + "`");
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        JWTClaimsSet claims = claimsOf(tokens.issueAccess(alice, ACCESS, NOW));
        String plain = new PlainJWT(claims).serialize();
        String[] parts = tokens.issueAccess(alice, ACCESS, NOW).value().split("\\.");
        String noneWithSignature = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + fixture.key.keyId() + "\",\"typ\":\"JWT\"}")
                + "." + parts[1] + "." + parts[2];

        assertRefused(TokenKind.ACCESS, plain, "unsigned tokens (`alg: none`) are refused");
        assertRefused(TokenKind.ACCESS, noneWithSignature, "unsigned tokens (`alg: none`) are refused");
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        JWTClaimsSet claims = claimsOf(tokens.issueAccess(alice, ACCESS, NOW));
        MACSigner hmac = new MACSigner(fixture.key.publicKey().getEncoded());

        String forged = sign(header(JWSAlgorithm.HS256).build(), claims, hmac);

        assertRefused(TokenKind.ACCESS, forged, "algorithm `HS256` is refused: tokens are signed with `ES256`");
    }

    @Test
    void anotherEcAlgorithmIsRefused() throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        JWTClaimsSet claims = claimsOf(tokens.issueAccess(alice, ACCESS, NOW));

        String forged = sign(header(JWSAlgorithm.ES384).build(), claims, new ECDSASigner(p384));

        assertRefused(TokenKind.ACCESS, forged, "algorithm `ES384` is refused: tokens are signed with `ES256`");
    }

    @Test
    void aTokenCarryingItsOwnKeyIsRefusedEvenWhenSignedByIt() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
        JWTClaimsSet claims = claimsOf(tokens.issueAccess(alice, ACCESS, NOW));

        String withJwk = sign(header(JWSAlgorithm.ES256).jwk(attacker.toPublicJWK()).build(), claims, new ECDSASigner(attacker));
        String withJwkOfOwnKid = sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(attacker.computeThumbprint().toString())
                .type(JOSEObjectType.JWT).jwk(attacker.toPublicJWK()).build(), claims, new ECDSASigner(attacker));
        String withJku = sign(header(JWSAlgorithm.ES256).jwkURL(URI.create("https://attacker.example/jwks.json")).build(), claims,
                new ECDSASigner(attacker));
        String withX5c = sign(header(JWSAlgorithm.ES256).x509CertChain(List.of(Base64.encode("not a certificate"))).build(), claims,
                new ECDSASigner(attacker));
        String withX5u = sign(header(JWSAlgorithm.ES256).x509CertURL(URI.create("https://attacker.example/cert.pem")).build(), claims,
                new ECDSASigner(attacker));

        for (String forged : List.of(withJwk, withJwkOfOwnKid, withJku, withX5c, withX5u)) {
            assertRefused(TokenKind.ACCESS, forged,
                    "a token may not name its own key (`jwk`, `jku`, `x5c`, `x5u`): it is verified with the server's key only");
        }
    }

    @Test
    void theServersOwnKeyInTheHeaderIsRefusedToo() throws Exception {
        JWTClaimsSet claims = claimsOf(tokens.issueAccess(alice, ACCESS, NOW));

        String forged = sign(header(JWSAlgorithm.ES256).jwk(fixture.key.publicJwk()).build(), claims,
                new ECDSASigner(fixture.key.privateKey()));

        assertRefused(TokenKind.ACCESS, forged,
                "a token may not name its own key (`jwk`, `jku`, `x5c`, `x5u`): it is verified with the server's key only");
    }

    @Test
    void aTokenSignedByAnotherKeyUnderTheServersKeyIdIsRefused() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
        JWTClaimsSet claims = claimsOf(tokens.issueAccess(alice, ACCESS, NOW));

        String forged = sign(header(JWSAlgorithm.ES256).build(), claims, new ECDSASigner(attacker));

        assertRefused(TokenKind.ACCESS, forged, "the signature does not verify with the server's key");
    }

    @Test
    void aTokenOfAnotherServerIsRefused() {
        RegistryTokens otherServer = new RegistryTokens(AuthFixture.newKey(), fixture.settings);

        String token = otherServer.issueAccess(alice, ACCESS, NOW).value();

        assertThatThrownBy(() -> tokens.verify(TokenKind.ACCESS, token, NOW))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN);
                    assertThat(e.getMessage()).endsWith("is not the server's token key");
                });
    }

    @Test
    void anotherKeyIdIsRefused() throws Exception {
        JWTClaimsSet claims = claimsOf(tokens.issueAccess(alice, ACCESS, NOW));
        ECDSASigner signer = new ECDSASigner(fixture.key.privateKey());

        String otherKid = sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("other").type(JOSEObjectType.JWT).build(), claims, signer);
        String noKid = sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(), claims, signer);

        assertRefused(TokenKind.ACCESS, otherKid, "key `other` is not the server's token key");
        assertRefused(TokenKind.ACCESS, noKid, "key `` is not the server's token key");
    }

    @Test
    void criticalHeaderParametersAreRefused() throws Exception {
        JWTClaimsSet claims = claimsOf(tokens.issueAccess(alice, ACCESS, NOW));
        ECDSASigner signer = new ECDSASigner(fixture.key.privateKey());

        String critical = sign(header(JWSAlgorithm.ES256).customParam("exp-policy", "x").criticalParams(Set.of("exp-policy")).build(),
                claims, signer);

        assertRefused(TokenKind.ACCESS, critical, "critical header parameters (`crit`) are refused");
    }

    @Test
    void anotherAudienceOrIssuerIsRefused() throws Exception {
        JWTClaimsSet claims = claimsOf(tokens.issueAccess(alice, ACCESS, NOW));
        ECDSASigner signer = new ECDSASigner(fixture.key.privateKey());

        String otherService = sign(header(JWSAlgorithm.ES256).build(), new JWTClaimsSet.Builder(claims).audience("other.example").build(),
                signer);
        String twoAudiences = sign(header(JWSAlgorithm.ES256).build(),
                new JWTClaimsSet.Builder(claims).audience(List.of(AuthFixture.SERVICE, "other.example")).build(), signer);
        String otherIssuer = sign(header(JWSAlgorithm.ES256).build(), new JWTClaimsSet.Builder(claims).issuer("someone").build(), signer);

        assertRefused(TokenKind.ACCESS, otherService, "the token is for [`other.example`], not an access token for `"
                + AuthFixture.SERVICE + "`");
        assertRefused(TokenKind.ACCESS, twoAudiences, "the token is for [`" + AuthFixture.SERVICE + "`, `other.example`], not an access"
                + " token for `" + AuthFixture.SERVICE + "`");
        assertRefused(TokenKind.ACCESS, otherIssuer, "the token was issued by `someone`, not `" + AuthFixture.ISSUER + "`");
    }

    @Test
    void aServerForAnotherServiceRefusesTheToken() {
        RegistryTokens otherService = new RegistryTokens(fixture.key, TokenSettings.standard(AuthFixture.ISSUER, "other.example"));

        String token = otherService.issueAccess(alice, ACCESS, NOW).value();

        assertRefused(TokenKind.ACCESS, token, "the token is for [`other.example`], not an access token for `" + AuthFixture.SERVICE + "`");
    }

    @Test
    void anExpiredTokenIsRefusedPastTheLeeway() {
        String token = tokens.issueAccess(alice, ACCESS, NOW).value();
        Instant expiry = NOW.plus(Duration.ofMinutes(5));

        assertThat(tokens.verify(TokenKind.ACCESS, token, expiry.plusSeconds(30)).kind()).isEqualTo(TokenKind.ACCESS);
        assertRefused(TokenKind.ACCESS, token, expiry.plusSeconds(31), "the token expired at " + expiry);
    }

    @Test
    void aTokenNotYetValidIsRefusedBeforeTheLeeway() {
        String token = tokens.issueAccess(alice, ACCESS, NOW).value();

        assertThat(tokens.verify(TokenKind.ACCESS, token, NOW.minusSeconds(30)).kind()).isEqualTo(TokenKind.ACCESS);
        assertRefused(TokenKind.ACCESS, token, NOW.minusSeconds(31), "the token is not valid before " + NOW);
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String[] parts = tokens.issueAccess(alice, ACCESS, NOW).value().split("\\.");
        JWTClaimsSet claims = new JWTClaimsSet.Builder(SignedJWT.parse(String.join(".", parts)).getJWTClaimsSet())
                .claim("access", List.of(Map.of("type", "repository", "name", "juzhong/app", "actions", List.of("pull", "push",
                        "delete")))).build();
        String tampered = parts[0] + "." + Base64URL.encode(claims.toString()) + "." + parts[2];

        assertRefused(TokenKind.ACCESS, tampered, "the signature does not verify with the server's key");
    }

    @Test
    void aZeroSignatureIsRefused() {
        String[] parts = tokens.issueAccess(alice, ACCESS, NOW).value().split("\\.");
        String zero = parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[64]);

        assertRefused(TokenKind.ACCESS, zero, "the signature does not verify with the server's key");
    }

    @Test
    void aSignedTokenLackingARegisteredClaimIsRefused() throws Exception {
        JWTClaimsSet claims = claimsOf(tokens.issueAccess(alice, ACCESS, NOW));
        ECDSASigner signer = new ECDSASigner(fixture.key.privateKey());

        for (String claim : List.of("exp", "nbf", "iat", "jti")) {
            JWTClaimsSet without = new JWTClaimsSet.Builder(claims).claim(claim, null).build();
            assertRefused(TokenKind.ACCESS, sign(header(JWSAlgorithm.ES256).build(), without, signer),
                    "the token lacks `exp`, `nbf`, `iat` or `jti`");
        }
    }

    @Test
    void aSubjectThatIsNotThePrincipalIsRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claimsOf(tokens.issueAccess(alice, ACCESS, NOW)))
                .subject("acs:ram::1234567890123456:root").build();

        String forged = sign(header(JWSAlgorithm.ES256).build(), claims, new ECDSASigner(fixture.key.privateKey()));

        assertRefused(TokenKind.ACCESS, forged, "claim `sub` does not name the token's principal");
    }

    @Test
    void anAnonymousRefreshTokenIsRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claimsOf(tokens.issueAccess(new RegistryCaller.Anonymous(), List.of(), NOW)))
                .audience(AuthFixture.SERVICE + "#refresh").build();

        String forged = sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(fixture.key.keyId())
                .type(new JOSEObjectType("berth-refresh+jwt")).build(), claims, new ECDSASigner(fixture.key.privateKey()));

        assertRefused(TokenKind.REFRESH, forged, "a refresh token must name an identity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "a.b", "a.b.c.d", "!!!.b.c", "e30.e30.e30"})
    void aStringThatIsNoTokenIsRefused(String garbage) {
        assertThatThrownBy(() -> tokens.verify(TokenKind.ACCESS, garbage, NOW))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN));
    }

    @Test
    void anEncryptedTokenIsRefused() {
        String header = Base64URL.encode("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}".getBytes(StandardCharsets.UTF_8)).toString();

        assertRefused(TokenKind.ACCESS, header + ".e30.e30", "encrypted tokens are refused");
    }

    @Test
    void anOverlongTokenIsRefusedUnread() {
        assertRefused(TokenKind.ACCESS, "a".repeat(RegistryTokens.LONGEST + 1), "the token is empty or too long");
    }

    private JWSHeader.Builder header(JWSAlgorithm algorithm) {
        return new JWSHeader.Builder(algorithm).keyID(fixture.key.keyId()).type(JOSEObjectType.JWT);
    }

    private static JWTClaimsSet claimsOf(IssuedToken token) throws Exception {
        return SignedJWT.parse(token.value()).getJWTClaimsSet();
    }

    private void assertRefused(TokenKind kind, String token, String message) {
        assertRefused(kind, token, NOW, message);
    }

    private void assertRefused(TokenKind kind, String token, Instant now, String message) {
        assertThatThrownBy(() -> tokens.verify(kind, token, now))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }
}
