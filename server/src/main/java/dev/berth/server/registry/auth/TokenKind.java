package dev.berth.server.registry.auth;

/**
 * The three kinds of tokens the server signs, told apart by their {@code typ} header and their
 * audience, so that none is accepted where another is expected.
 */
public enum TokenKind {
    /** The bearer token of {@code /v2}: audience the service, {@code typ} {@code JWT}. */
    ACCESS("JWT", ""),
    /** A refresh token of the token endpoint (OAuth2 {@code refresh_token}): audience {@code <service>#refresh}. */
    REFRESH("berth-refresh+jwt", "#refresh"),
    /** A {@code GetAuthorizationToken} token, the password of {@code cr_temp_user}: audience {@code <service>#temporary}. */
    TEMPORARY("berth-temporary+jwt", "#temporary");

    private final String type;
    private final String audienceSuffix;

    TokenKind(String type, String audienceSuffix) {
        this.type = type;
        this.audienceSuffix = audienceSuffix;
    }

    /** The {@code typ} header. */
    public String type() {
        return type;
    }

    /** The {@code aud} claim for {@code service}. */
    public String audience(String service) {
        return service + audienceSuffix;
    }

    /** How the kind is named in messages. */
    public String described() {
        return switch (this) {
            case ACCESS -> "an access token";
            case REFRESH -> "a refresh token";
            case TEMPORARY -> "a temporary token";
        };
    }
}
