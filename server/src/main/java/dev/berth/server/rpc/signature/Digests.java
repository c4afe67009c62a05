package dev.berth.server.rpc.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hashes and MACs of the two signatures, and their constant-time comparison. */
final class Digests {
    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    static byte[] hmacSha1(byte[] key, String text) {
        return mac("HmacSHA1", key, text);
    }

    static byte[] hmacSha256(byte[] key, String text) {
        return mac("HmacSHA256", key, text);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Lower-case hex, as V3 writes hashes and signatures. */
    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Whether two texts are equal, in time that does not depend on where they differ. */
    static boolean equalInConstantTime(String expected, String claimed) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), claimed.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(String algorithm, byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }
}
