package dev.berth.registry.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/** The digest algorithms the registry accepts (OCI image-spec: registered algorithms). */
public enum DigestAlgorithm {
    SHA256("sha256", "SHA-256", 64),
    SHA512("sha512", "SHA-512", 128);

    private final String label;
    private final String jcaName;
    private final int hexLength;

    DigestAlgorithm(String label, String jcaName, int hexLength) {
        this.label = label;
        this.jcaName = jcaName;
        this.hexLength = hexLength;
    }

    public String label() {
        return label;
    }

    public int hexLength() {
        return hexLength;
    }

    public static Optional<DigestAlgorithm> named(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst();
    }

    /** A fresh hasher for this algorithm. */
    public MessageDigest newHasher() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jcaName, e);
        }
    }

    public Digest digestOf(byte[] bytes) {
        return Digest.of(this, newHasher().digest(bytes));
    }

    /** The digest a finished hasher of this algorithm computed. */
    public Digest digestOf(MessageDigest hasher) {
        return Digest.of(this, hasher.digest());
    }
}
