package dev.berth.registry.repository;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** A repository id as Alibaba's API shows it: {@code crr-} and 16 of {@code a-z0-9}. */
public record RepositoryId(String value) implements Comparable<RepositoryId> {
    private static final Pattern FORM = Pattern.compile("crr-[a-z0-9]{16}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    public RepositoryId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("repository id `" + value + "` must be `crr-` and 16 of `a-z0-9`");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    public static RepositoryId random(SecureRandom random) {
        StringBuilder id = new StringBuilder("crr-");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new RepositoryId(id.toString());
    }

    @Override
    public int compareTo(RepositoryId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
