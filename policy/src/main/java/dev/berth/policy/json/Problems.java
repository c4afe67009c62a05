package dev.berth.policy.json;

import java.util.ArrayList;
import java.util.List;

/** The problems found in one document, in the order found. */
final class Problems {
    private final List<String> found = new ArrayList<>();

    void add(String where, String what) {
        found.add(where.isEmpty() ? what : where + ": " + what);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int count() {
        return found.size();
    }

    List<String> list() {
        return found;
    }

    /** Backticks around a user value, shortened so that a huge value cannot flood a message. */
    static String quote(String value) {
        String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
        return "`" + shown + "`";
    }
}
