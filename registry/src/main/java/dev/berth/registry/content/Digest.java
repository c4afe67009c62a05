package dev.berth.registry.content;

import static dev.berth.registry.text.Shown.shown;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A content digest, {@code algorithm:hex} (OCI image-spec descriptor digests): {@code sha256} with 64
 * and {@code sha512} with 128 lower-case hex digits. Anything else is refused when made.
 */
public record Digest(DigestAlgorithm algorithm, String hex) implements Comparable<Digest> {
    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != algorithm.hexLength() || !isLowerHex(hex)) {
            throw new InvalidDigestException("digest `" + algorithm.label() + ":" + shown(hex) + "` must have "
                    + algorithm.hexLength() + " lower-case hex digits");
        }
    }

    /** Parses {@code sha256:...}; throws {@link InvalidDigestException} saying what is wrong. */
    public static Digest parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidDigestException("digest is missing");
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InvalidDigestException("digest `" + shown(text) + "` is not `algorithm:hex`");
        }
        DigestAlgorithm algorithm = DigestAlgorithm.named(text.substring(0, colon))
                .orElseThrow(() -> new InvalidDigestException("digest algorithm `" + shown(text.substring(0, colon))
                        + "` is not supported (use sha256 or sha512)"));
        return new Digest(algorithm, text.substring(colon + 1));
    }

    public static boolean isWellFormed(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidDigestException e) {
            return false;
        }
    }

    /** The sha256 digest of these bytes. */
    public static Digest sha256Of(byte[] bytes) {
        return DigestAlgorithm.SHA256.digestOf(bytes);
    }

    @Override
    public String toString() {
        return algorithm.label() + ":" + hex;
    }

    @Override
    public int compareTo(Digest other) {
        return toString().compareTo(other.toString());
    }

    private static boolean isLowerHex(String hex) {
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }


    static Digest of(DigestAlgorithm algorithm, byte[] hash) {
        return new Digest(algorithm, HexFormat.of().formatHex(hash));
    }
}
