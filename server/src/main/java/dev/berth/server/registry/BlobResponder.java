package dev.berth.server.registry;

import dev.berth.registry.blob.BlobContent;
import dev.berth.registry.content.Digest;
import dev.berth.registry.service.BlobInfo;
import dev.berth.registry.service.BlobService;
import dev.berth.registry.service.RequestValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/** Blob reads and deletes (OCI distribution-spec: pulling blobs, {@code Range}, deleting blobs). */
final class BlobResponder {
    static final int BUFFER = 1 << 20;
    private final BlobService blobs;

    BlobResponder(BlobService blobs) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    void respond(DistributionExchange exchange) throws IOException {
        Digest digest = RequestValues.digest(exchange.lastSegment());
        switch (exchange.route()) {
            case BLOB_HEAD -> {
                BlobInfo info = blobs.stat(exchange.address(), digest);
                Response response = exchange.response();
                response.setStatus(200);
                headers(response, digest, info.size());
                response.write(true, ByteBuffer.allocate(0), exchange.callback());
            }
            case BLOB_GET -> read(exchange, digest);
            case BLOB_DELETE -> {
                blobs.delete(exchange.address(), digest);
                exchange.response().getHeaders().put("Docker-Content-Digest", digest.toString());
                OciResponses.empty(exchange.response(), exchange.callback(), 202);
            }
            default -> throw new IllegalStateException("not a blob route: " + exchange.route());
        }
    }

    private void read(DistributionExchange exchange, Digest digest) throws IOException {
        try (BlobContent content = blobs.open(exchange.address(), digest)) {
            Response response = exchange.response();
            long start = 0;
            long length = content.size();
            switch (ByteRange.requested(exchange.header("Range"), content.size())) {
                case ByteRange.Requested.Whole whole -> response.setStatus(200);
                case ByteRange.Requested.Part part -> {
                    response.setStatus(206);
                    start = part.range().start();
                    length = part.range().length();
                    response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes " + part.range().start() + "-" + part.range().end() + "/"
                            + content.size());
                }
                case ByteRange.Requested.Unsatisfiable unsatisfiable -> {
                    response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes */" + content.size());
                    throw OciException.of(OciErrorCode.RANGE_NOT_SATISFIABLE, "the range is past the end of the " + content.size()
                            + "-byte blob");
                }
            }
            headers(response, digest, length);
            copy(content, start, length, exchange);
            exchange.callback().succeeded();
        }
    }

    /**
     * Sends {@code length} bytes of the blob from {@code start}: read from the file into a pooled direct
     * buffer and written from it to the connection, so that no byte passes through the heap (two
     * copies in the kernel, none in the JVM).
     */
    private static void copy(BlobContent content, long start, long length, DistributionExchange exchange) throws IOException {
        ByteBufferPool pool = exchange.request().getComponents().getByteBufferPool();
        RetainableByteBuffer pooled = pool.acquire((int) Math.min(BUFFER, Math.max(length, 1)), true);
        try {
            ByteBuffer buffer = pooled.getByteBuffer();
            content.channel().position(start);
            long remaining = length;
            while (remaining > 0) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), remaining));
                int read = content.channel().read(buffer);
                if (read < 0) {
                    throw new IOException("the blob ended " + remaining + " bytes early");
                }
                buffer.flip();
                remaining -= read;
                try (Blocker.Callback written = Blocker.callback()) {
                    exchange.response().write(remaining == 0, buffer, written);
                    written.block();
                }
            }
        } finally {
            pooled.release();
        }
    }

    private static void headers(Response response, Digest digest, long length) {
        response.getHeaders().put(OciResponses.API_VERSION_HEADER, OciResponses.API_VERSION);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
        response.getHeaders().put("Docker-Content-Digest", digest.toString());
        response.getHeaders().put(HttpHeader.ETAG, "\"" + digest + "\"");
    }
}
