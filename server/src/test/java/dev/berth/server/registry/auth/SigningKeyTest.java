package dev.berth.server.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import dev.berth.server.runtime.DataDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void thePublicKeyIsDerivedFromThePrivateKey() throws Exception {
        KeyPair pair = pair("secp256r1");

        SigningKey key = SigningKey.of(pair.getPrivate());

        assertThat(key.publicKey().getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.privateKey());
        signer.update("payload".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key.publicKey());
        verifier.update("payload".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void theKeyIdIsTheRfc7638ThumbprintOfThePublicKey() throws Exception {
        KeyPair pair = pair("secp256r1");

        SigningKey key = SigningKey.of(pair.getPrivate());

        String expected = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic()).build().computeThumbprint().toString();
        assertThat(key.keyId()).isEqualTo(expected).hasSize(43);
        assertThat(key.publicJwk().getKeyID()).isEqualTo(expected);
        assertThat(key.publicJwk().isPrivate()).isFalse();
    }

    @Test
    void theDataDirectorysKeyIsUsableAndStableAcrossLoads(@TempDir Path folder) {
        DataDirectory data = DataDirectory.open(folder);

        SigningKey first = SigningKey.of(data.tokenSigningKey(RANDOM));
        SigningKey second = SigningKey.of(DataDirectory.open(folder).tokenSigningKey(RANDOM));

        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicKey().getW()).isEqualTo(first.publicKey().getW());
    }

    @Test
    void aKeyOfAnotherCurveIsRefused() throws Exception {
        KeyPair pair = pair("secp384r1");

        assertThatThrownBy(() -> SigningKey.of(pair.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the token signing key must be an EC P-256 key");
    }

    @Test
    void theKeyShowsOnlyItsId() {
        SigningKey key = AuthFixture.newKey();

        assertThat(key.toString()).isEqualTo("SigningKey[" + key.keyId() + "]");
    }

    private static KeyPair pair(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve), RANDOM);
        return generator.generateKeyPair();
    }
}
