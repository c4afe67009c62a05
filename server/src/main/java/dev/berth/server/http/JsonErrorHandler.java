package dev.berth.server.http;

import dev.berth.server.registry.OciError;
import dev.berth.server.registry.OciErrorCode;
import dev.berth.server.registry.OciResponses;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers itself, before any route (an ambiguous path such as {@code %2e%2e} or {@code //},
 * a malformed request line): an OCI error body on {@code /v2} (registry.md section 7: a clear error),
 * a JSON body elsewhere, never an HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() > 0 ? response.getStatus() : 500;
        Object cause = request.getAttribute(ERROR_MESSAGE);
        String message = cause == null ? "the request could not be read" : "the request could not be read: " + cause;
        String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null ? "" : request.getHttpURI().getPath();
        if (path.startsWith("/v2")) {
            OciErrorCode code = status == 400 ? OciErrorCode.NAME_INVALID : OciErrorCode.INTERNAL_ERROR;
            if (status == 400) {
                message = "the path holds an empty, dot or encoded segment that no repository name may hold";
            }
            OciResponses.failure(response, callback, OciError.of(code, message), request.getMethod().equals("HEAD"));
            return true;
        }
        byte[] body = ("{\"Code\":\"InvalidRequest\",\"Message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
