package dev.berth.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The routes of the HTTP edge, in one table. */
public final class Routes extends Handler.Abstract {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (path.equals("/healthz")) {
            return respond(response, callback, HttpStatus.OK_200, "{\"status\":\"ok\"}");
        }
        return respond(response, callback, HttpStatus.NOT_FOUND_404, "{\"Code\":\"NotFound\",\"Message\":\"no such path\"}");
    }

    private static boolean respond(Response response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
