package dev.berth.server.rpc.signature;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP endpoint that records what the SDKs send as {@link SignedRequest}s, decoding the
 * query string and a form body the way the server's HTTP layer must ({@code +} as a space, since the
 * Tea SDKs encode with {@link java.net.URLEncoder}), and answers every call with an empty success.
 */
final class RecordingEndpoint implements AutoCloseable {
    private static final byte[] ANSWER = "{\"RequestId\":\"0B5A4A56-8C55-4E2B-9F3D-3C1F1A2B3C4D\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final BlockingQueue<SignedRequest> received = new LinkedBlockingQueue<>();

    private RecordingEndpoint(HttpServer server) {
        this.server = server;
    }

    static RecordingEndpoint start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RecordingEndpoint endpoint = new RecordingEndpoint(server);
        server.createContext("/", endpoint::record);
        server.start();
        return endpoint;
    }

    /** {@code host:port}, as an SDK's endpoint. */
    String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** The next request received, waiting for it a few seconds. */
    SignedRequest next() throws InterruptedException {
        SignedRequest request = received.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request arrived");
        }
        return request;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void record(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean form = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
            received.add(new SignedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    SignedRequest.decodeParameters(exchange.getRequestURI().getRawQuery()),
                    form ? SignedRequest.decodeParameters(new String(body, StandardCharsets.UTF_8)) : List.of(), headers, body));
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        }
    }

}
