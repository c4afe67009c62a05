package dev.berth.server.rpc.signature;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The signed time of both versions: {@code yyyy-MM-ddTHH:mm:ssZ} in UTC, as V1's {@code Timestamp}
 * and V3's {@code x-acs-date} carry it (every SDK formats both with
 * {@code yyyy-MM-dd'T'HH:mm:ss'Z'}).
 */
final class SigningTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withResolverStyle(ResolverStyle.STRICT);

    private SigningTime() {
    }

    static Instant parse(String text, String name) throws SigningRefusal {
        try {
            return LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw SigningRefusal.invalid(name, "`" + name + "` must be yyyy-MM-ddTHH:mm:ssZ in UTC, got `" + text + "`");
        }
    }

    static String format(Instant instant) {
        return FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
