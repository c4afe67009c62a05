package dev.berth.server.http;

import dev.berth.server.registry.DistributionEndpoint;
import dev.berth.server.registry.auth.TokenEndpoint;
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

/**
 * The routes of the HTTP edge, in one table: {@code /healthz}, the registry at {@code /v2} and its
 * token service at {@code /auth/token}, and the RPC API at {@code /}.
 */
public final class Routes extends Handler.Abstract {
    private final RpcEndpoint rpc;
    private final DistributionEndpoint distribution;
    private final TokenEndpoint tokens;

    public Routes(RpcEndpoint rpc, DistributionEndpoint distribution, TokenEndpoint tokens) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.distribution = Objects.requireNonNull(distribution, "distribution");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (path.equals("/v2") || path.startsWith("/v2/")) {
            distribution.handle(request, response, callback);
            return true;
        }
        return switch (path) {
            case "/auth/token" -> tokens.handle(request, response, callback);
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
