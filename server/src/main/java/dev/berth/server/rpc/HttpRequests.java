package dev.berth.server.rpc;

import dev.berth.server.rpc.signature.SignedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** Reads a Jetty request into the protocol-neutral {@link SignedRequest}: parameters from the query and a form body. */
final class HttpRequests {
    /** RPC bodies are parameter forms; nothing legitimate comes near this. */
    static final int MAXIMUM_BODY = 1 << 20;

    private HttpRequests() {
    }

    static SignedRequest read(Request request) throws IOException, BodyTooLargeException {
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readNBytes(MAXIMUM_BODY + 1);
        }
        if (body.length > MAXIMUM_BODY) {
            throw new BodyTooLargeException();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(field.getValue());
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        boolean form = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        String path = request.getHttpURI().getDecodedPath();
        return new SignedRequest(request.getMethod(), path == null || path.isEmpty() ? "/" : path,
                SignedRequest.decodeParameters(request.getHttpURI().getQuery()),
                form ? SignedRequest.decodeParameters(new String(body, StandardCharsets.UTF_8)) : List.of(), headers, body);
    }


    /** The body is over {@link #MAXIMUM_BODY}. */
    static final class BodyTooLargeException extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
