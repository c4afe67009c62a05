package dev.berth.server.registry;

import dev.berth.registry.blob.UploadId;
import dev.berth.registry.content.Digest;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.service.BlobInfo;
import dev.berth.registry.service.ChunkRange;
import dev.berth.registry.service.MountResult;
import dev.berth.registry.service.RequestValues;
import dev.berth.registry.service.UploadService;
import dev.berth.registry.service.UploadStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.server.Response;

/**
 * Blob pushes (OCI distribution-spec: monolithic, single-POST, chunked, streamed, cross-repository
 * mount, upload status and cancel). Every answer carries where the session or the blob is.
 */
final class UploadResponder {
    private final UploadService uploads;

    UploadResponder(UploadService uploads) {
        this.uploads = Objects.requireNonNull(uploads, "uploads");
    }

    /**
     * {@code mountSource} gives the repository a mount's {@code from} names in the target's instance, only
     * when it is there and the caller may pull it (registry.md section 3: otherwise a plain session, never
     * a mount).
     */
    void respond(DistributionExchange exchange, Function<String, Optional<ImageName>> mountSource) throws IOException {
        switch (exchange.route()) {
            case UPLOAD_START -> start(exchange, mountSource);
            case UPLOAD_STATUS -> session(exchange, 204, uploads.status(exchange.address(), id(exchange)));
            case UPLOAD_PATCH -> session(exchange, 202, uploads.append(exchange.address(), id(exchange), range(exchange), exchange.body()));
            case UPLOAD_FINISH -> {
                Digest digest = RequestValues.digest(exchange.query("digest").orElse(""));
                try (InputStream body = exchange.body()) {
                    created(exchange, uploads.finish(exchange.address(), id(exchange), digest, range(exchange), body));
                }
            }
            case UPLOAD_CANCEL -> {
                uploads.cancel(exchange.address(), id(exchange));
                OciResponses.empty(exchange.response(), exchange.callback(), 204);
            }
            default -> throw new IllegalStateException("not an upload route: " + exchange.route());
        }
    }

    private void start(DistributionExchange exchange, Function<String, Optional<ImageName>> mountSource) throws IOException {
        Optional<String> mount = exchange.query("mount");
        if (mount.isPresent()) {
            Digest digest = RequestValues.digest(mount.get());
            Optional<ImageName> source = exchange.query("from").flatMap(mountSource);
            switch (uploads.mount(exchange.address(), digest, source, source.isPresent())) {
                case MountResult.Mounted mounted -> created(exchange, mounted.blob());
                case MountResult.Started started -> session(exchange, 202, started.upload());
            }
            return;
        }
        Optional<String> digest = exchange.query("digest");
        if (digest.isPresent()) {
            try (InputStream body = exchange.body()) {
                created(exchange, uploads.uploadWhole(exchange.address(), RequestValues.digest(digest.get()), body, exchange.contentLength()));
            }
            return;
        }
        session(exchange, 202, uploads.start(exchange.address()));
    }

    private static UploadId id(DistributionExchange exchange) {
        return RequestValues.uploadId(exchange.lastSegment());
    }

    private static Optional<ChunkRange> range(DistributionExchange exchange) {
        return exchange.header("Content-Range").filter(value -> !value.isBlank()).map(RequestValues::chunkRange);
    }

    private static void session(DistributionExchange exchange, int status, UploadStatus upload) {
        Response response = exchange.response();
        response.getHeaders().put("Location", exchange.path("/blobs/uploads/" + upload.id()));
        response.getHeaders().put("Range", "0-" + Math.max(0, upload.size() - 1));
        response.getHeaders().put("Docker-Upload-UUID", upload.id().toString());
        response.getHeaders().put("OCI-Chunk-Min-Length", "0");
        OciResponses.empty(response, exchange.callback(), status);
    }

    private static void created(DistributionExchange exchange, BlobInfo blob) {
        Response response = exchange.response();
        response.getHeaders().put("Location", exchange.path("/blobs/" + blob.digest()));
        response.getHeaders().put("Docker-Content-Digest", blob.digest().toString());
        OciResponses.empty(response, exchange.callback(), 201);
    }
}
