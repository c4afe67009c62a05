package dev.berth.server.registry;

import dev.berth.registry.service.RepositoryAddress;
import dev.berth.server.registry.auth.GrantContext;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One authorized {@code /v2} request on a repository: the HTTP exchange, the route, the name as the
 * client wrote it, where it points, and the path's last segment.
 */
record DistributionExchange(Request request, Response response, Callback callback, DistributionRoute route, String written,
                            RegistryPermissions.Target target, Optional<String> last, GrantContext context) {
    DistributionExchange {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(context, "context");
    }

    /** Where the request points; {@code NAME_UNKNOWN} when no instance holds the name. */
    RepositoryAddress address() {
        return target.address().orElseThrow(() -> OciException.of(OciErrorCode.NAME_UNKNOWN,
                "repository `" + written + "` is not known to the registry"));
    }

    Optional<String> query(String name) {
        return query(request, name);
    }

    /** The first value of the query parameter {@code name} of any {@code /v2} request. */
    static Optional<String> query(Request request, String name) {
        Fields.Field field = Request.extractQueryParameters(request).get(name);
        return field == null ? Optional.empty() : Optional.ofNullable(field.getValue());
    }

    boolean hasQuery(String name) {
        return Request.extractQueryParameters(request).get(name) != null;
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    Optional<Long> contentLength() {
        long length = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        return length < 0 ? Optional.empty() : Optional.of(length);
    }

    InputStream body() {
        return Content.Source.asInputStream(request);
    }

    String lastSegment() {
        return last.orElseThrow();
    }

    boolean isHead() {
        return request.getMethod().equals("HEAD");
    }

    String path(String rest) {
        return "/v2/" + written + rest;
    }
}
