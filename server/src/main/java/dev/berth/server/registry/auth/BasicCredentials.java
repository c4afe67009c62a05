package dev.berth.server.registry.auth;

import dev.berth.server.registry.auth.SignInRefusedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A user name and password, as HTTP Basic authentication (RFC 7617) or an OAuth2 password grant sends them. */
public record BasicCredentials(String userName, String password) {
    public BasicCredentials {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(password, "password");
    }

    /**
     * The credentials of an {@code Authorization} header: empty when there is none;
     * {@code WRONG_CREDENTIALS} when it is not well-formed Basic credentials.
     */
    public static Optional<BasicCredentials> fromHeader(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
            throw new SignInRefusedException(Reason.WRONG_CREDENTIALS, "the credentials must be HTTP Basic");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(space + 1).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SignInRefusedException(Reason.WRONG_CREDENTIALS, "the Basic credentials are not Base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new SignInRefusedException(Reason.WRONG_CREDENTIALS, "the Basic credentials must be `<user name>:<password>`");
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + userName + ", password hidden]";
    }
}
