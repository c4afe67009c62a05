package dev.berth.iam.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aSealedSecretOpensOnlyWithItsKeyAndContext() {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        RANDOM.nextBytes(key);
        SecretBox box = new SecretBox(key, RANDOM);
        SealedSecret sealed = box.seal("s3cr3t", "LTAIexample");
        assertThat(box.open(SealedSecret.decode(sealed.encoded()), "LTAIexample")).isEqualTo("s3cr3t");
        assertThatThrownBy(() -> box.open(sealed, "LTAIother")).isInstanceOf(IllegalStateException.class);
        byte[] otherKey = key.clone();
        otherKey[0] ^= 1;
        assertThatThrownBy(() -> new SecretBox(otherKey, RANDOM).open(sealed, "LTAIexample")).isInstanceOf(IllegalStateException.class);
        assertThat(sealed.encoded()).doesNotContain("s3cr3t");
    }

    @Test
    void aPasswordVerifiesAgainstItsHashAndNothingElse() {
        PasswordHasher hasher = new PasswordHasher(RANDOM, 1024, 1);
        String hash = hasher.hash("correct horse");
        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("correct");
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("correct horsf", hash)).isFalse();
        assertThat(hasher.hash("correct horse")).isNotEqualTo(hash);
        assertThat(hasher.verify("x", "not a hash")).isFalse();
    }
}
