package dev.berth.policy.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compiled `*`/`?` pattern (policy.md section 2): `*` matches any run of characters, including
 * none, `?` exactly one character, and nothing is escaped. Matching is case-sensitive; callers that
 * want case-insensitive matching compile and match lower-case text.
 *
 * <p>The pattern is split at its stars into segments. The first segment is anchored at the start of
 * the text, the last at its end, and each middle segment is placed at its leftmost occurrence after
 * the previous one, which is optimal for star-separated segments. No backtracking ever happens, so
 * the cost is bounded by the text length times a small factor, whatever the pattern.
 */
public final class Wildcard {
    private final String pattern;
    private final boolean matchesEverything;
    private final boolean hasStar;
    private final Segment head;
    private final Segment tail;
    private final Segment[] middle;
    private final int minimumLength;

    private Wildcard(String pattern) {
        this.pattern = pattern;
        int firstStar = pattern.indexOf('*');
        this.hasStar = firstStar >= 0;
        if (!hasStar) {
            this.head = Segment.of(pattern);
            this.tail = Segment.of("");
            this.middle = new Segment[0];
            this.minimumLength = pattern.length();
            this.matchesEverything = false;
            return;
        }
        int lastStar = pattern.lastIndexOf('*');
        this.head = Segment.of(pattern.substring(0, firstStar));
        this.tail = Segment.of(pattern.substring(lastStar + 1));
        List<Segment> inner = new ArrayList<>();
        int start = firstStar + 1;
        while (start <= lastStar) {
            int star = pattern.indexOf('*', start);
            if (star > start) {
                inner.add(Segment.of(pattern.substring(start, star)));
            }
            start = star + 1;
        }
        this.middle = inner.toArray(Segment[]::new);
        int length = head.length() + tail.length();
        for (Segment segment : middle) {
            length += segment.length();
        }
        this.minimumLength = length;
        this.matchesEverything = length == 0;
    }

    public static Wildcard compile(String pattern) {
        return new Wildcard(Objects.requireNonNull(pattern, "pattern"));
    }

    public boolean matches(String text) {
        if (matchesEverything) {
            return true;
        }
        int length = text.length();
        if (!hasStar) {
            return length == minimumLength && head.matchesAt(text, 0);
        }
        if (length < minimumLength || !head.matchesAt(text, 0)) {
            return false;
        }
        int limit = length - tail.length();
        if (!tail.matchesAt(text, limit)) {
            return false;
        }
        int position = head.length();
        for (Segment segment : middle) {
            int found = segment.find(text, position, limit);
            if (found < 0) {
                return false;
            }
            position = found + segment.length();
        }
        return true;
    }

    /** The longest run of the pattern holding neither `*` nor `?`: every matching text contains it. */
    public String longestLiteral() {
        String best = "";
        int runStart = 0;
        for (int i = 0; i <= pattern.length(); i++) {
            if (i == pattern.length() || pattern.charAt(i) == '*' || pattern.charAt(i) == '?') {
                if (i - runStart > best.length()) {
                    best = pattern.substring(runStart, i);
                }
                runStart = i + 1;
            }
        }
        return best;
    }

    public String pattern() {
        return pattern;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Wildcard wildcard && wildcard.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
