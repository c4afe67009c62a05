package dev.berth.server.registry.auth;

import dev.berth.server.rpc.signature.SignedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Reads requests of the token endpoint (Docker token specification): {@code GET} with Basic
 * credentials or none, {@code service}, repeated {@code scope}, {@code account},
 * {@code offline_token}; {@code POST} with an OAuth2 form: {@code grant_type} {@code password}
 * ({@code username}, {@code password}) or {@code refresh_token} ({@code refresh_token}),
 * {@code service}, {@code scope}, {@code client_id}, {@code access_type}.
 */
final class TokenRequests {
    /** A form of scopes and credentials; nothing legitimate comes near this. */
    static final int LONGEST_FORM = 64 * 1024;

    private TokenRequests() {
    }

    static TokenRequest read(Request request) throws IOException {
        return switch (request.getMethod()) {
            case "GET" -> fromQuery(request);
            case "POST" -> fromForm(request);
            default -> throw new TokenRequestException(TokenErrorCode.UNSUPPORTED,
                    "method `" + request.getMethod() + "` is not served here; use GET or POST");
        };
    }

    private static TokenRequest fromQuery(Request request) {
        List<Map.Entry<String, String>> parameters = decode(request.getHttpURI().getQuery());
        String service = required(parameters, "service");
        List<String> authorizations = request.getHeaders().getValuesList(HttpHeader.AUTHORIZATION);
        if (authorizations.size() > 1) {
            throw TokenRequestException.invalid("header `Authorization` is given more than once");
        }
        Optional<BasicCredentials> credentials = BasicCredentials.fromHeader(authorizations.isEmpty() ? null : authorizations.getFirst());
        Optional<String> account = optional(parameters, "account");
        if (account.isPresent() && credentials.isPresent() && !account.get().equals(credentials.get().userName())) {
            throw TokenRequestException.invalid("`account` `" + account.get() + "` is not the user name of the credentials");
        }
        boolean offline = optional(parameters, "offline_token").map(value -> value.equalsIgnoreCase("true")).orElse(false);
        return new TokenRequest(service, Scopes.parseAll(values(parameters, "scope")), new TokenRequest.SignIn.Credentials(credentials),
                offline);
    }

    private static TokenRequest fromForm(Request request) throws IOException {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw TokenRequestException.invalid("a POST must be an `application/x-www-form-urlencoded` form");
        }
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readNBytes(LONGEST_FORM + 1);
        }
        if (body.length > LONGEST_FORM) {
            throw TokenRequestException.invalid("the form is over " + LONGEST_FORM / 1024 + " KiB");
        }
        List<Map.Entry<String, String>> parameters = decode(new String(body, StandardCharsets.UTF_8));
        String grantType = required(parameters, "grant_type");
        String service = required(parameters, "service");
        List<Scope> scopes = Scopes.parseAll(values(parameters, "scope"));
        optional(parameters, "client_id");
        return switch (grantType) {
            case "password" -> {
                BasicCredentials credentials = new BasicCredentials(required(parameters, "username"), required(parameters, "password"));
                boolean offline = optional(parameters, "access_type").map("offline"::equals).orElse(false);
                yield new TokenRequest(service, scopes, new TokenRequest.SignIn.Credentials(Optional.of(credentials)), offline);
            }
            case "refresh_token" -> new TokenRequest(service, scopes,
                    new TokenRequest.SignIn.Refresh(required(parameters, "refresh_token")), false);
            default -> throw TokenRequestException.invalid("`grant_type` must be `password` or `refresh_token`, got `"
                    + shown(grantType) + "`");
        };
    }

    private static List<Map.Entry<String, String>> decode(String encoded) {
        try {
            return SignedRequest.decodeParameters(encoded);
        } catch (IllegalArgumentException e) {
            throw TokenRequestException.invalid("the parameters are not well-formed percent-encoding");
        }
    }

    private static List<String> values(List<Map.Entry<String, String>> parameters, String name) {
        return parameters.stream().filter(entry -> entry.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    private static Optional<String> optional(List<Map.Entry<String, String>> parameters, String name) {
        List<String> values = values(parameters, name);
        if (values.size() > 1) {
            throw TokenRequestException.invalid("parameter `" + name + "` is given more than once");
        }
        return values.stream().findFirst();
    }

    private static String required(List<Map.Entry<String, String>> parameters, String name) {
        return optional(parameters, name).filter(value -> !value.isEmpty())
                .orElseThrow(() -> TokenRequestException.invalid("parameter `" + name + "` is required"));
    }

    private static String shown(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }
}
