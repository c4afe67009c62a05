package dev.berth.server.registry;

import dev.berth.registry.content.Digest;
import dev.berth.registry.service.DiscoveryService;
import dev.berth.registry.service.PageSize;
import dev.berth.registry.service.Referrers;
import dev.berth.registry.service.RequestValues;
import dev.berth.registry.service.TagPage;
import dev.berth.registry.name.Tag;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;

/** Content discovery (OCI distribution-spec): tags with {@code n}/{@code last} and {@code Link}, referrers with {@code artifactType}. */
final class ListingResponder {
    private final DiscoveryService discovery;

    ListingResponder(DiscoveryService discovery) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
    }

    void respond(DistributionExchange exchange) {
        switch (exchange.route()) {
            case TAGS_LIST -> tags(exchange);
            case REFERRERS -> referrers(exchange);
            default -> throw new IllegalStateException("not a listing route: " + exchange.route());
        }
    }

    private void tags(DistributionExchange exchange) {
        PageSize size = RequestValues.pageSize(exchange.query("n"));
        TagPage page = discovery.tags(exchange.address(), size, RequestValues.lastTag(exchange.query("last")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("name", exchange.written());
        answer.put("tags", page.tags().stream().map(Tag::value).toList());
        page.next().ifPresent(next -> exchange.response().getHeaders().put(HttpHeader.LINK, link(exchange.path("/tags/list"), size,
                next.value())));
        OciResponses.json(exchange.response(), exchange.callback(), 200, "application/json", answer);
    }

    private void referrers(DistributionExchange exchange) {
        Digest subject = RequestValues.digest(exchange.lastSegment());
        Optional<String> artifactType = exchange.query("artifactType");
        Referrers referrers = discovery.referrers(exchange.address(), subject, artifactType);
        Response response = exchange.response();
        byte[] body = referrers.toIndexJson();
        response.setStatus(200);
        response.getHeaders().put(OciResponses.API_VERSION_HEADER, OciResponses.API_VERSION);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/vnd.oci.image.index.v1+json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (referrers.filtered()) {
            response.getHeaders().put("OCI-Filters-Applied", "artifactType");
        }
        response.write(true, ByteBuffer.wrap(body), exchange.callback());
    }

    /** The RFC 8288 link to the next page, as OCI's tag listing and Distribution's catalog write it. */
    static String link(String path, PageSize size, String last) {
        return "<" + path + "?n=" + size.value() + "&last=" + URLEncoder.encode(last, StandardCharsets.UTF_8) + ">; rel=\"next\"";
    }
}
