package dev.berth.registry.service;

/**
 * How many entries a listing may answer: 0 to {@link #MAX}. A larger {@code n} is capped at
 * {@code MAX}, never allocated; without {@code n}, the listing answers up to {@code MAX} and a link to
 * the rest (OCI distribution-spec, listing tags).
 */
public record PageSize(int value) {
    public static final int MAX = 1000;
    public static final PageSize DEFAULT = new PageSize(MAX);

    public PageSize {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("page size " + value + " is not 0 to " + MAX);
        }
    }

    /** A requested size, capped at {@link #MAX}; throws on a negative one. */
    public static PageSize capped(long requested) {
        if (requested < 0) {
            throw new IllegalArgumentException("page size " + requested + " is negative");
        }
        return new PageSize((int) Math.min(requested, MAX));
    }
}
