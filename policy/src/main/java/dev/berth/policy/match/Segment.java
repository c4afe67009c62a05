package dev.berth.policy.match;

import java.util.Arrays;

/**
 * A star-free piece of a wildcard pattern, where `?` stands for any one character. Finding it in a
 * text takes time linear in the text for every segment: short literals use the JDK's intrinsic
 * search (bounded by 32 comparisons a position), long literals KMP, short segments holding `?` a
 * direct scan (at most 16 comparisons a position) and long ones a bit-parallel shift-and automaton.
 */
abstract sealed class Segment permits Segment.Literal, Segment.LongLiteral, Segment.ShortMasked {
    private static final int SHORT_LITERAL = 32;

    final String text;

    Segment(String text) {
        this.text = text;
    }

    static Segment of(String text) {
        if (text.indexOf('?') >= 0) {
            return text.length() <= ShortMasked.MAXIMUM ? new ShortMasked(text) : new Masked(text);
        }
        return text.length() <= SHORT_LITERAL ? new Literal(text) : new LongLiteral(text);
    }

    final int length() {
        return text.length();
    }

    /** Whether the segment matches {@code subject} at {@code offset}; the caller checks bounds. */
    abstract boolean matchesAt(String subject, int offset);

    /** The leftmost start at or after {@code from} where the segment ends at or before {@code limit}, or -1. */
    abstract int find(String subject, int from, int limit);

    static final class Literal extends Segment {
        Literal(String text) {
            super(text);
        }

        @Override
        boolean matchesAt(String subject, int offset) {
            return subject.startsWith(text, offset);
        }

        @Override
        int find(String subject, int from, int limit) {
            int found = subject.indexOf(text, from);
            return found >= 0 && found + text.length() <= limit ? found : -1;
        }
    }

    static final class LongLiteral extends Segment {
        private final int[] failure;

        LongLiteral(String text) {
            super(text);
            this.failure = new int[text.length()];
            int k = 0;
            for (int i = 1; i < text.length(); i++) {
                while (k > 0 && text.charAt(i) != text.charAt(k)) {
                    k = failure[k - 1];
                }
                if (text.charAt(i) == text.charAt(k)) {
                    k++;
                }
                failure[i] = k;
            }
        }

        @Override
        boolean matchesAt(String subject, int offset) {
            return subject.startsWith(text, offset);
        }

        @Override
        int find(String subject, int from, int limit) {
            int matched = 0;
            int length = text.length();
            for (int i = from; i < limit; i++) {
                char c = subject.charAt(i);
                while (matched > 0 && c != text.charAt(matched)) {
                    matched = failure[matched - 1];
                }
                if (c == text.charAt(matched)) {
                    matched++;
                    if (matched == length) {
                        return i - length + 1;
                    }
                }
            }
            return -1;
        }
    }

    /** Short segments with `?`: at most 16 comparisons a position. */
    static sealed class ShortMasked extends Segment permits Masked {
        static final int MAXIMUM = 16;

        ShortMasked(String text) {
            super(text);
        }

        @Override
        boolean matchesAt(String subject, int offset) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '?' && c != subject.charAt(offset + i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        int find(String subject, int from, int limit) {
            for (int start = from, last = limit - text.length(); start <= last; start++) {
                if (matchesAt(subject, start)) {
                    return start;
                }
            }
            return -1;
        }
    }

    /** Long segments with `?`: shift-and over as many 64-bit words as the segment needs. */
    static final class Masked extends ShortMasked {
        private final int words;
        private final char[] characters;
        /** Bit i of {@code masks[k]} is set when pattern position i accepts {@code characters[k]}. */
        private final long[][] masks;
        private final long[] wildcardMask;

        Masked(String text) {
            super(text);
            this.words = (text.length() + 63) >>> 6;
            this.wildcardMask = new long[words];
            this.characters = text.replace("?", "").chars().distinct().sorted()
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString().toCharArray();
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '?') {
                    wildcardMask[i >>> 6] |= 1L << (i & 63);
                }
            }
            this.masks = new long[characters.length][];
            for (int k = 0; k < characters.length; k++) {
                long[] mask = wildcardMask.clone();
                for (int i = text.indexOf(characters[k]); i >= 0; i = text.indexOf(characters[k], i + 1)) {
                    mask[i >>> 6] |= 1L << (i & 63);
                }
                masks[k] = mask;
            }
        }

        @Override
        int find(String subject, int from, int limit) {
            int length = text.length();
            int lastWord = (length - 1) >>> 6;
            long lastBit = 1L << ((length - 1) & 63);
            long[] state = new long[words];
            for (int i = from; i < limit; i++) {
                int k = Arrays.binarySearch(characters, subject.charAt(i));
                long[] mask = k >= 0 ? masks[k] : wildcardMask;
                long carry = 1L;
                for (int w = 0; w < words; w++) {
                    long shifted = (state[w] << 1) | carry;
                    carry = state[w] >>> 63;
                    state[w] = shifted & mask[w];
                }
                if ((state[lastWord] & lastBit) != 0) {
                    return i - length + 1;
                }
            }
            return -1;
        }
    }
}
