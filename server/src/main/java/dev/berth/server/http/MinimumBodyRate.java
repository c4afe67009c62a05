package dev.berth.server.http;

import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses a request body that arrives slower than a minimum average rate (registry.md section 7:
 * bounded by timeouts), which the idle timeout alone does not bound: one byte just before each
 * timeout keeps a connection open for ever. The rate is this request's body bytes over the time since
 * its handler first waited for them; it is checked each time the handler waits again, once
 * {@code grace} has passed since that first wait, as Jetty's {@code MinimumDataRateHandler} checks on
 * each demand. A body too slow then reads as {@link TooSlow}, an {@link IOException} that is Jetty's
 * 408. A body that stops altogether is left to the idle timeout.
 * <p>
 * Not Jetty's own handler: in Jetty 12.1.13 {@code MinimumDataRateHandler} divides the bytes read by
 * every request since the server started by this request's time (a server that has read 10 MB lets
 * a trickle through for hours), and has no grace period; {@code HttpConfiguration.setMinRequestDataRate}
 * is deprecated and read by nothing.
 */
public final class MinimumBodyRate extends Handler.Wrapper {
    private final long bytesPerSecond;
    private final long graceNanos;

    /** {@code bytesPerSecond} 0 lets every body through. */
    public MinimumBodyRate(Handler next, long bytesPerSecond, Duration grace) {
        super(Objects.requireNonNull(next, "next"));
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("the minimum rate must not be negative, got " + bytesPerSecond);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the grace period must not be negative, got " + grace);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (bytesPerSecond == 0) {
            return super.handle(request, response, callback);
        }
        return super.handle(new RateCheckedRequest(request), response, callback);
    }

    /** The request whose body reads fail once they are too slow; Jetty calls read and demand of one request one at a time. */
    private final class RateCheckedRequest extends Request.Wrapper {
        private boolean waited;
        private long firstWait;
        private long bytesRead;
        private Content.Chunk refusal;

        private RateCheckedRequest(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (refusal != null) {
                return refusal;
            }
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                bytesRead += chunk.remaining();
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            long now = System.nanoTime();
            if (!waited) {
                waited = true;
                firstWait = now;
            }
            long elapsed = now - firstWait;
            if (elapsed >= graceNanos && elapsed > 0 && bytesRead * 1_000_000_000.0 / elapsed < bytesPerSecond) {
                refusal = Content.Chunk.from(new TooSlow(bytesPerSecond));
                demandCallback.run();
                return;
            }
            super.demand(demandCallback);
        }
    }

    /** A body slower than the minimum: 408 (RFC 9110 section 15.5.9), as Jetty 9 to 11 refused one. */
    public static final class TooSlow extends IOException implements HttpException {
        @Serial
        private static final long serialVersionUID = 1L;

        TooSlow(long bytesPerSecond) {
            super("the request body arrived slower than the server's minimum of " + bytesPerSecond + " bytes per second");
        }

        @Override
        public int getCode() {
            return HttpStatus.REQUEST_TIMEOUT_408;
        }

        @Override
        public String getReason() {
            return getMessage();
        }
    }
}
