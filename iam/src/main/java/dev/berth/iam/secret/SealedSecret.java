package dev.berth.iam.secret;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/** A secret encrypted with the master key: nonce and AES-GCM ciphertext with its tag. */
public record SealedSecret(byte[] nonce, byte[] ciphertext) {
    public SealedSecret {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** {@code base64(nonce).base64(ciphertext)}: how the store keeps it. */
    public String encoded() {
        return Base64.getEncoder().encodeToString(nonce) + "." + Base64.getEncoder().encodeToString(ciphertext);
    }

    public static SealedSecret decode(String encoded) {
        int dot = encoded.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        return new SealedSecret(Base64.getDecoder().decode(encoded.substring(0, dot)),
                Base64.getDecoder().decode(encoded.substring(dot + 1)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret that && Arrays.equals(nonce, that.nonce) && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nonce) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedSecret[...]";
    }
}
