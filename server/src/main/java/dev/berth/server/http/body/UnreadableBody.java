package dev.berth.server.http.body;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;

/**
 * Why a request body could not be read, for each protocol to answer in its own words: too slow (a
 * body under the server's minimum rate, {@code http.MinimumBodyRate}, or one that stalled past the idle
 * timeout), cut short (the connection ended before the declared length), or otherwise unreadable.
 */
public record UnreadableBody(Kind kind, String reason) {
    public enum Kind {
        TOO_SLOW,
        CUT_SHORT,
        UNREADABLE
    }

    public UnreadableBody {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** What {@code failure}, thrown while reading a body, says about it. */
    public static UnreadableBody of(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException refusal && refusal.getCode() == HttpStatus.REQUEST_TIMEOUT_408) {
                return new UnreadableBody(Kind.TOO_SLOW, refusal.getReason());
            }
            if (cause instanceof TimeoutException) {
                return new UnreadableBody(Kind.TOO_SLOW, "the request body stalled for longer than the server's idle timeout");
            }
            if (cause instanceof EofException) {
                return new UnreadableBody(Kind.CUT_SHORT, "the request body ended before its declared length");
            }
        }
        return new UnreadableBody(Kind.UNREADABLE, "the request body could not be read");
    }
}
