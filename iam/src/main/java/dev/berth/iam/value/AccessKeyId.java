package dev.berth.iam.value;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An AccessKey's id (iam-api.md section 1): {@code LTAI} and 20 letters and digits for a long-term
 * key, {@code STS.} and letters and digits for a temporary one.
 */
public record AccessKeyId(String value) {
    private static final Pattern LONG_TERM = Pattern.compile("LTAI[A-Za-z0-9]{20}");
    private static final Pattern TEMPORARY = Pattern.compile("STS\\.[A-Za-z0-9]{16,64}");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public AccessKeyId {
        Objects.requireNonNull(value, "value");
        if (!LONG_TERM.matcher(value).matches() && !TEMPORARY.matcher(value).matches()) {
            throw new IllegalArgumentException("not an AccessKey id: `" + value + "`");
        }
    }

    public static boolean isWellFormed(String value) {
        return LONG_TERM.matcher(value).matches() || TEMPORARY.matcher(value).matches();
    }

    public static AccessKeyId newLongTerm(SecureRandom random) {
        return new AccessKeyId("LTAI" + RandomText.of(random, ALPHABET, 20));
    }

    public static AccessKeyId newTemporary(SecureRandom random) {
        return new AccessKeyId("STS." + RandomText.of(random, ALPHABET, 28));
    }

    @Override
    public String toString() {
        return value;
    }
}
