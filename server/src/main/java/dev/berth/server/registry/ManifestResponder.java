package dev.berth.server.registry;

import dev.berth.registry.RegistryException;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.name.Reference;
import dev.berth.registry.service.ManifestService;
import dev.berth.registry.service.PushedManifest;
import dev.berth.registry.service.RequestValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;

/** Manifest reads, pushes and deletes (OCI distribution-spec; registry.md section 6: at most 4 MiB, kept byte for byte). */
final class ManifestResponder {
    static final int MAXIMUM_MANIFEST = 4 << 20;
    private final ManifestService manifests;

    ManifestResponder(ManifestService manifests) {
        this.manifests = Objects.requireNonNull(manifests, "manifests");
    }

    void respond(DistributionExchange exchange) throws IOException {
        if (exchange.route() == DistributionRoute.MANIFEST_PUT) {
            put(exchange, RequestValues.reference(exchange.lastSegment()));
            return;
        }
        Reference reference = RequestValues.lookupReference(exchange.lastSegment())
                .orElseThrow(() -> manifests.unknownReference(exchange.address(), exchange.lastSegment()));
        switch (exchange.route()) {
            case MANIFEST_GET, MANIFEST_HEAD -> read(exchange, manifests.find(exchange.address(), reference));
            case MANIFEST_DELETE -> {
                manifests.delete(exchange.address(), reference);
                OciResponses.empty(exchange.response(), exchange.callback(), 202);
            }
            default -> throw new IllegalStateException("not a manifest route: " + exchange.route());
        }
    }

    /** {@code PUT}: a tag that is malformed is {@code TAG_INVALID} here, the one route that names a new tag. */
    private void put(DistributionExchange exchange, Reference reference) throws IOException {
        byte[] bytes = body(exchange);
        PushedManifest pushed = manifests.put(exchange.address(), reference,
                RequestValues.contentType(exchange.header("Content-Type")), bytes);
        Response response = exchange.response();
        response.getHeaders().put("Location", exchange.path("/manifests/" + pushed.digest()));
        response.getHeaders().put("Docker-Content-Digest", pushed.digest().toString());
        pushed.subject().ifPresent(subject -> response.getHeaders().put("OCI-Subject", subject.toString()));
        OciResponses.empty(response, exchange.callback(), 201);
    }

    private static void read(DistributionExchange exchange, StoredManifest manifest) {
        Response response = exchange.response();
        response.setStatus(200);
        response.getHeaders().put(OciResponses.API_VERSION_HEADER, OciResponses.API_VERSION);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, manifest.mediaType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, manifest.bytes().length);
        response.getHeaders().put("Docker-Content-Digest", manifest.digest().toString());
        response.getHeaders().put(HttpHeader.ETAG, "\"" + manifest.digest() + "\"");
        response.write(true, exchange.isHead() ? ByteBuffer.allocate(0) : ByteBuffer.wrap(manifest.bytes()), exchange.callback());
    }

    /** A body over the limit is read and dropped up to this much, so that the client, still sending, reads the 413. */
    static final int DRAINED_AT_MOST = 16 << 20;

    /** The body, refused past 4 MiB (413); at most 16 MiB of a refused body is read, and none of it kept. */
    private static byte[] body(DistributionExchange exchange) throws IOException {
        try (InputStream in = exchange.body()) {
            if (exchange.contentLength().map(length -> length > MAXIMUM_MANIFEST).orElse(false)) {
                drain(in);
                throw tooLarge();
            }
            byte[] bytes = in.readNBytes(MAXIMUM_MANIFEST + 1);
            if (bytes.length > MAXIMUM_MANIFEST) {
                drain(in);
                throw tooLarge();
            }
            return bytes;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[64 << 10];
        long drained = 0;
        for (int n; drained < DRAINED_AT_MOST && (n = in.read(sink)) >= 0; ) {
            drained += n;
        }
    }

    private static RegistryException tooLarge() {
        return new RegistryException(RegistryException.Problem.MANIFEST_TOO_LARGE, "the manifest is larger than 4 MiB");
    }
}
