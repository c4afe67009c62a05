package dev.berth.registry.text;

/** How a value a client wrote appears in an error message: whole up to 140 characters, else its first 140 and {@code ...}. */
public final class Shown {
    /** The longest part of a written value an error message repeats. */
    public static final int LONGEST = 140;

    private Shown() {
    }

    public static String shown(String text) {
        return text.length() <= LONGEST ? text : text.substring(0, LONGEST) + "...";
    }
}
