package dev.berth.server.registry.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * The token service's settings.
 *
 * @param issuer             the {@code iss} of every token
 * @param service            the service tokens are for, as {@code WWW-Authenticate} names it and
 *                           clients send it back ({@code service=})
 * @param accessLifetime     how long an access token lasts at most
 * @param refreshLifetime    how long a refresh token lasts at most
 * @param temporaryLifetime  how long a {@code GetAuthorizationToken} token lasts at most
 * @param leeway             the clock difference tolerated on {@code exp} and {@code nbf}
 */
public record TokenSettings(String issuer, String service, Duration accessLifetime, Duration refreshLifetime,
                            Duration temporaryLifetime, Duration leeway) {
    public TokenSettings {
        requireText(issuer, "issuer");
        requireText(service, "service");
        requirePositive(accessLifetime, "access token lifetime");
        requirePositive(refreshLifetime, "refresh token lifetime");
        requirePositive(temporaryLifetime, "temporary token lifetime");
        Objects.requireNonNull(leeway, "leeway");
        if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("token leeway must be 0 to 5 minutes, got " + leeway);
        }
    }

    /**
     * Access tokens of 5 minutes, refresh tokens of 30 days (the Docker CLI keeps the refresh token of
     * {@code docker login} in place of the password), temporary tokens of one hour (registry.md
     * section 4), 30 seconds of leeway.
     */
    public static TokenSettings standard(String issuer, String service) {
        return new TokenSettings(issuer, service, Duration.ofMinutes(5), Duration.ofDays(30), Duration.ofHours(1), Duration.ofSeconds(30));
    }

    public Duration lifetime(TokenKind kind) {
        return switch (kind) {
            case ACCESS -> accessLifetime;
            case REFRESH -> refreshLifetime;
            case TEMPORARY -> temporaryLifetime;
        };
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
