package dev.berth.server.rpc;

import dev.berth.server.rpc.error.RpcError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The one writer of RPC answers and errors (iam-api.md section 3, "Answers"). Always JSON. */
final class RpcResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RpcResponses() {
    }

    static void success(Response response, Callback callback, String requestId, RpcAnswer answer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.putAll(answer.fields());
        write(response, callback, 200, body);
    }

    static void failure(Response response, Callback callback, String requestId, String host, RpcError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.put("HostId", host == null ? "" : host);
        body.put("Code", error.wireCode());
        body.put("Message", error.message());
        body.put("Recommend", "");
        write(response, callback, error.httpStatus(), body);
    }

    private static void write(Response response, Callback callback, int status, Map<String, Object> body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an RPC answer is not serializable", e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
