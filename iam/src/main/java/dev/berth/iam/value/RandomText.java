package dev.berth.iam.value;

import java.security.SecureRandom;

/** Random text over an alphabet, for ids and secrets. */
public final class RandomText {
    public static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private RandomText() {
    }

    /**
     * {@code length} characters drawn uniformly from {@code alphabet} (at most 256 of them): the random
     * bytes are asked for in one call (each call of the platform's generator reads the kernel's), and a
     * byte past the largest multiple of the alphabet's size is drawn again, so no character is favoured.
     */
    public static String of(SecureRandom random, String alphabet, int length) {
        if (alphabet.isEmpty() || alphabet.length() > 256) {
            throw new IllegalArgumentException("an alphabet has 1 to 256 characters");
        }
        int limit = 256 - 256 % alphabet.length();
        StringBuilder text = new StringBuilder(length);
        byte[] bytes = new byte[length + length / 2 + 8];
        while (text.length() < length) {
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length && text.length() < length; i++) {
                int value = bytes[i] & 0xff;
                if (value < limit) {
                    text.append(alphabet.charAt(value % alphabet.length()));
                }
            }
        }
        return text.toString();
    }
}
