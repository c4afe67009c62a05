package dev.berth.iam.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles repeated wrong passwords for one identity (iam-api.md section 5, ours): after
 * {@value #FAILURES} failures within the window, every attempt is refused until the window has
 * passed since the last failure, right password or not. Per server node.
 */
public final class PasswordThrottle {
    static final int FAILURES = 5;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** Whether {@code identity} may try a password now. */
    public boolean allows(String identity, Instant now) {
        Deque<Instant> recent = failures.get(identity);
        if (recent == null) {
            return true;
        }
        synchronized (recent) {
            recent.removeIf(failure -> failure.plus(WINDOW).isBefore(now));
            return recent.size() < FAILURES;
        }
    }

    public void failed(String identity, Instant now) {
        Deque<Instant> recent = failures.computeIfAbsent(identity, key -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
            while (recent.size() > FAILURES) {
                recent.removeFirst();
            }
        }
    }

    public void succeeded(String identity) {
        failures.remove(identity);
    }
}
