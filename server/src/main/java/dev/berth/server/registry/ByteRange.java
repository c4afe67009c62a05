package dev.berth.server.registry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inclusive byte range of a blob GET's {@code Range: bytes=<start>-<end>} (RFC 9110; one range only;
 * an upload chunk's {@code Content-Range} is read by the registry's {@code RequestValues}).
 */
public record ByteRange(long start, long end) {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    public ByteRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("range `" + start + "-" + end + "` is empty or backwards");
        }
    }

    public long length() {
        return end - start + 1;
    }

    /** What a {@code Range} header asks of a blob of {@code size} bytes. */
    public sealed interface Requested {
        /** The whole blob: no header, or a form this server does not serve partly (several ranges). */
        record Whole() implements Requested {
        }

        /** A satisfiable range, clipped to the blob. */
        record Part(ByteRange range) implements Requested {
        }

        /** A range that starts past the end (416). */
        record Unsatisfiable() implements Requested {
        }
    }

    /** Reads a {@code Range} header against a blob of {@code size} bytes (suffix ranges {@code bytes=-N} too). */
    public static Requested requested(Optional<String> header, long size) {
        if (header.isEmpty()) {
            return new Requested.Whole();
        }
        Matcher matcher = RANGE.matcher(header.get().trim());
        if (!matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            return new Requested.Whole();
        }
        if (matcher.group(1).isEmpty()) {
            long suffix = Long.parseLong(matcher.group(2));
            if (suffix == 0 || size == 0) {
                return new Requested.Unsatisfiable();
            }
            return new Requested.Part(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long start = Long.parseLong(matcher.group(1));
        if (start >= size) {
            return new Requested.Unsatisfiable();
        }
        long end = matcher.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(matcher.group(2)), size - 1);
        if (end < start) {
            return new Requested.Whole();
        }
        return new Requested.Part(new ByteRange(start, end));
    }
}
