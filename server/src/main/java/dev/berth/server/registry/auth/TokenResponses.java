package dev.berth.server.registry.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one writer of the token endpoint's answers: {@code token} and {@code access_token} (the same),
 * {@code expires_in} (seconds), {@code issued_at} (RFC 3339), {@code scope} (what was granted),
 * {@code refresh_token} when asked; errors as {@code {"errors": [{"code", "message"}]}}. Never cached.
 */
final class TokenResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenResponses() {
    }

    static void success(Response response, Callback callback, IssuedToken access, List<Scope> granted, Optional<IssuedToken> refresh) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", access.value());
        body.put("access_token", access.value());
        body.put("expires_in", Duration.between(access.issuedAt(), access.expiresAt()).toSeconds());
        body.put("issued_at", access.issuedAt().toString());
        body.put("scope", granted.stream().map(Scope::toString).collect(Collectors.joining(" ")));
        refresh.ifPresent(token -> body.put("refresh_token", token.value()));
        write(response, callback, 200, body);
    }

    static void failure(Response response, Callback callback, TokenErrorCode code, String message, String service) {
        switch (code) {
            case UNAUTHORIZED -> response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"" + service.replace("\"", "")
                    + "\", charset=\"UTF-8\"");
            case UNSUPPORTED -> response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
            case INVALID_REQUEST, TOOMANYREQUESTS, UNKNOWN -> {
            }
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.put("message", message);
        write(response, callback, code.status(), Map.of("errors", List.of(error)));
    }

    private static void write(Response response, Callback callback, int status, Map<String, Object> body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a token answer is not serializable", e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.PRAGMA, "no-cache");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
