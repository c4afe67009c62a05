package dev.berth.server.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one writer of {@code /v2} errors and small JSON answers (OCI distribution-spec, error codes):
 * {@code {"errors":[{"code","message","detail"}]}}, with the API version header on every answer.
 */
public final class OciResponses {
    public static final String API_VERSION_HEADER = "Docker-Distribution-API-Version";
    public static final String API_VERSION = "registry/2.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OciResponses() {
    }

    /** Writes the error; a {@code HEAD} request gets the status and headers without a body. */
    public static void failure(Response response, Callback callback, OciError error, boolean head) {
        failure(response, callback, error.code().httpStatus(), error, head);
    }

    /** Writes the error with {@code status} in place of its code's (an answer Jetty chose before any route). */
    public static void failure(Response response, Callback callback, int status, OciError error, boolean head) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", error.code().wireCode());
        entry.put("message", error.message());
        error.detail().ifPresent(detail -> entry.put("detail", detail));
        byte[] body = bytes(Map.of("errors", List.of(entry)));
        response.setStatus(status);
        response.getHeaders().put(API_VERSION_HEADER, API_VERSION);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }

    /** Writes a JSON answer with {@code status} and {@code contentType}. */
    public static void json(Response response, Callback callback, int status, String contentType, Object answer) {
        byte[] body = bytes(answer);
        response.setStatus(status);
        response.getHeaders().put(API_VERSION_HEADER, API_VERSION);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** An answer with no body. */
    public static void empty(Response response, Callback callback, int status) {
        response.setStatus(status);
        response.getHeaders().put(API_VERSION_HEADER, API_VERSION);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    static byte[] bytes(Object answer) {
        try {
            return JSON.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a registry answer is not serializable", e);
        }
    }
}
