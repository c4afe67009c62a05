package dev.berth.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.server.registry.OciError;
import dev.berth.server.registry.OciErrorCode;
import dev.berth.server.registry.OciResponses;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler: answers the requests Jetty refuses before any route sees them (an ambiguous
 * URI such as {@code %2e%2e}, {@code //} or {@code %2f} in a path) in JSON rather than an HTML page. On
 * {@code /v2} the body is an OCI error (registry.md section 7: a clear error) with Jetty's status; a 400
 * about the URI is about the path, which holds the repository name, so it is {@code NAME_INVALID}.
 */
public final class EdgeErrors implements Request.Handler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer value ? value : response.getStatus();
        String reason = Optional.ofNullable(request.getAttribute(ErrorHandler.ERROR_MESSAGE)).map(Object::toString)
                .filter(text -> !text.isBlank()).orElse("the request was refused");
        String message = reason.toLowerCase(Locale.ROOT);
        String path = Optional.ofNullable(request.getHttpURI().getPath()).orElse("");
        if (path.equals("/v2") || path.startsWith("/v2/")) {
            OciResponses.failure(response, callback, status, OciError.of(ociCode(status, message), message),
                    request.getMethod().equals("HEAD"));
            return true;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        Map<String, String> body = new LinkedHashMap<>();
        body.put("Code", status >= 500 ? "InternalError" : "InvalidRequest");
        body.put("Message", message);
        try {
            response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(body)), callback);
        } catch (JsonProcessingException e) {
            callback.failed(e);
        }
        return true;
    }

    /** The OCI code of Jetty's refusal; its status is kept. */
    private static OciErrorCode ociCode(int status, String message) {
        if (status == 400 && (message.contains("uri") || message.contains("path"))) {
            return OciErrorCode.NAME_INVALID;
        }
        if (status == 404) {
            return OciErrorCode.NAME_UNKNOWN;
        }
        if (status == 405) {
            return OciErrorCode.UNSUPPORTED;
        }
        return status >= 500 ? OciErrorCode.INTERNAL_ERROR : OciErrorCode.REQUEST_INVALID;
    }
}
