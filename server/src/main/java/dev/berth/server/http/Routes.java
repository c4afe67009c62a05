package dev.berth.server.http;

import dev.berth.server.rpc.RpcEndpoint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The routes of the HTTP edge, in one table: {@code /healthz}, and the RPC API at {@code /}. */
public final class Routes extends Handler.Abstract {
    private final RpcEndpoint rpc;

    public Routes(RpcEndpoint rpc) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        return switch (path) {
            case "/healthz" -> respond(response, callback, HttpStatus.OK_200, "{\"status\":\"ok\"}");
            case "/", "" -> {
                rpc.handle(request, response, callback);
                yield true;
            }
            default -> respond(response, callback, HttpStatus.NOT_FOUND_404,
                    "{\"Code\":\"NotFound\",\"Message\":\"no such path\"}");
        };
    }

    private static boolean respond(Response response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
