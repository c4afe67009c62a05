package dev.berth.registry.instance;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * An instance id (registry.md sections 1 and 5): {@code cri-} plus 16 lower-case letters and digits
 * for the Enterprise Edition, {@code crpi-} plus 16 for the Personal Edition.
 */
public record InstanceId(String value) implements Comparable<InstanceId> {
    private static final Pattern FORM = Pattern.compile("crp?i-[a-z0-9]{16}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    public InstanceId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("instance id `" + value + "` must be `cri-` or `crpi-` and 16 of `a-z0-9`");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    public static InstanceId random(SecureRandom random, boolean personal) {
        StringBuilder id = new StringBuilder(personal ? "crpi-" : "cri-");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new InstanceId(id.toString());
    }

    public boolean isPersonal() {
        return value.startsWith("crpi-");
    }

    @Override
    public int compareTo(InstanceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
