package dev.berth.registry.repository;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** A namespace id as Alibaba's API shows it: {@code crn-} and 16 of {@code a-z0-9}. */
public record NamespaceId(String value) implements Comparable<NamespaceId> {
    private static final Pattern FORM = Pattern.compile("crn-[a-z0-9]{16}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    public NamespaceId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("namespace id `" + value + "` must be `crn-` and 16 of `a-z0-9`");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    public static NamespaceId random(SecureRandom random) {
        StringBuilder id = new StringBuilder("crn-");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new NamespaceId(id.toString());
    }

    @Override
    public int compareTo(NamespaceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
