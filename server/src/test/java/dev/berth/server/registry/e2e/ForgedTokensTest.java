package dev.berth.server.registry.e2e;

import static dev.berth.server.registry.auth.TestJwts.sign;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.berth.server.registry.auth.SigningKey;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens the registry must refuse (registry.md sections 4 and 7), forged with the server's own
 * key where the point is a claim (expired, not yet valid, another service or issuer) and with other
 * keys or headers where the point is the signature: each answers 401 {@code UNAUTHORIZED} with a
 * challenge, and a push with one stores nothing. A token re-signed unchanged with the server's key is
 * accepted, so each refusal is the change's doing.
 */
abstract class ForgedTokensTest extends RunningRegistry {
    private static final String REPOSITORY = "library/tokens";
    private static final String TAGS = "/v2/" + REPOSITORY + "/tags/list";
    private SigningKey serverKey;
    private JWTClaimsSet issued;
    private byte[] manifest;

    @BeforeAll
    void readTheServersKeyAndAToken() throws Exception {
        byte[] pkcs8 = Files.readAllBytes(folder.resolve("data").resolve("token-signing.key"));
        serverKey = SigningKey.of(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        String token = registry.token("repository:" + REPOSITORY + ":pull,push");
        issued = SignedJWT.parse(token).getJWTClaimsSet();
        manifest = TestImages.pushImage(registry.withToken(token), REPOSITORY, "v1", TestImages.config("tokens"), List.of());
    }

    private JWSHeader.Builder serverHeader() {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(serverKey.keyId()).type(JOSEObjectType.JWT);
    }

    private String signedByTheServer(JWTClaimsSet claims) throws Exception {
        return sign(serverHeader().build(), claims, new ECDSASigner(serverKey.privateKey()));
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder(issued);
    }

    /** The token is refused on a pull and on a push, with a challenge, and the push stores nothing. */
    private void assertRefused(String token, String why) {
        RobustHttp client = registry.withToken(token);
        Answer pull = client.get(TAGS);
        assertThat(pull.status()).as("%s: %s", why, pull).isEqualTo(401);
        assertThat(pull.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(pull.errorMessage()).isNotBlank();
        assertThat(pull.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer realm="));
        byte[] other = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[],"
                + "\"annotations\":{\"forged\":\"" + why + "\"}}").getBytes(StandardCharsets.UTF_8);
        Answer push = client.put("/v2/" + REPOSITORY + "/manifests/forged", other, TestImages.IMAGE_INDEX);
        assertThat(push.status()).as("%s: %s", why, push).isEqualTo(401);
        assertThat(registry.get("/v2/" + REPOSITORY + "/manifests/forged").status()).isEqualTo(404);
    }

    @Test
    void theIssuedClaimsReSignedWithTheServersKeyAreAccepted() throws Exception {
        Answer answer = registry.withToken(signedByTheServer(issued)).get(TAGS);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant now = Instant.now();
        assertRefused(signedByTheServer(claims().issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(20)))).expirationTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .build()), "expired");
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        Instant now = Instant.now();
        assertRefused(signedByTheServer(claims().notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(20)))).build()), "not yet valid");
    }

    @Test
    void aTokenForAnotherServiceOrFromAnotherIssuerIsRefused() throws Exception {
        assertRefused(signedByTheServer(claims().audience("another-registry").build()), "another service");
        assertRefused(signedByTheServer(claims().audience(List.of(RobustHttp.SERVICE, "another-registry")).build()), "two audiences");
        assertRefused(signedByTheServer(claims().audience(RobustHttp.SERVICE + "#refresh").build()), "refresh audience");
        assertRefused(signedByTheServer(claims().issuer("someone-else").build()), "another issuer");
    }

    @Test
    void aTokenWithoutExpiryOrWithAnotherSubjectIsRefused() throws Exception {
        assertRefused(signedByTheServer(claims().expirationTime(null).build()), "no exp");
        assertRefused(signedByTheServer(claims().subject("acs:ram::1234567890123456:root").build()), "another subject");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
        assertRefused(sign(serverHeader().build(), issued, new ECDSASigner(attacker)), "another key, the server's kid");
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(attacker.computeThumbprint().toString())
                .type(JOSEObjectType.JWT).build(), issued, new ECDSASigner(attacker)), "another key, its own kid");
    }

    @Test
    void aTokenWhosePayloadWasChangedAfterSigningIsRefused() throws Exception {
        String[] parts = signedByTheServer(issued).split("\\.");
        String widened = Base64URL.encode(claims().claim("access", List.of(Map.of("type", "repository", "name", "library/*",
                "actions", List.of("pull", "push", "delete")))).build().toString()).toString();
        assertRefused(parts[0] + "." + widened + "." + parts[2], "payload changed");
    }

    @Test
    void forgedHeadersCannotChooseTheKeyOrTheAlgorithm() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
        ECDSASigner attackerSigner = new ECDSASigner(attacker);
        assertRefused(new PlainJWT(issued).serialize(), "alg none");
        String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + serverKey.keyId() + "\",\"typ\":\"JWT\"}") + "."
                + Base64URL.encode(issued.toString()) + ".";
        assertRefused(none, "alg none with the server's kid");
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(serverKey.keyId()).type(JOSEObjectType.JWT).build(), issued,
                new MACSigner(padded(serverKey.publicKey().getEncoded()))), "HS256 keyed with the server's public key");
        assertRefused(sign(serverHeader().jwk(attacker.toPublicJWK()).build(), issued, attackerSigner), "embedded jwk");
        assertRefused(sign(serverHeader().jwkURL(URI.create("http://127.0.0.1:1/jwks.json")).build(), issued, attackerSigner), "jku");
        assertRefused(sign(serverHeader().x509CertChain(List.of(Base64.encode("not a certificate"))).build(), issued, attackerSigner),
                "x5c");
        assertRefused(sign(serverHeader().x509CertURL(URI.create("http://127.0.0.1:1/cert.pem")).build(), issued, attackerSigner), "x5u");
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("../../token-signing.key").type(JOSEObjectType.JWT).build(),
                issued, attackerSigner), "kid path");
        assertRefused(sign(serverHeader().type(new JOSEObjectType("berth-refresh+jwt")).build(), issued,
                new ECDSASigner(serverKey.privateKey())), "refresh typ");
    }

    @Test
    void aTokenForAnotherRepositoryIsChallengedForTheScopeItLacks() {
        RobustHttp client = registry.withToken(registry.token("repository:library/elsewhere:pull,push"));
        Answer answer = client.get(TAGS);
        assertThat(answer.status()).as("%s", answer).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .contains("scope=\"repository:" + REPOSITORY + ":pull\"", "error=\"insufficient_scope\""));
        Answer pullOnly = registry.withToken(registry.token("repository:" + REPOSITORY + ":pull"))
                .put("/v2/" + REPOSITORY + "/manifests/pull-only", manifest, TestImages.IMAGE_MANIFEST);
        assertThat(pullOnly.status()).as("%s", pullOnly).isEqualTo(401);
        assertThat(registry.get("/v2/" + REPOSITORY + "/manifests/pull-only").status()).isEqualTo(404);
    }

    @Test
    void garbageIsRefused() {
        assertRefused("not-a-token", "garbage");
        assertRefused("a.b.c", "three garbage parts");
        assertRefused("x".repeat(7_000), "long");
    }

    /** HS256 needs a secret of 256 bits at least. */
    private static byte[] padded(byte[] secret) {
        return secret.length >= 32 ? secret : Arrays.copyOf(secret, 32);
    }
}
