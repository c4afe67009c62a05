package dev.berth.server.registry;

import static dev.berth.registry.text.Shown.shown;

import dev.berth.registry.RegistryException;
import dev.berth.registry.content.InvalidDigestException;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.manage.Instances;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.InvalidNameException;
import dev.berth.registry.service.CatalogPage;
import dev.berth.registry.service.PageSize;
import dev.berth.registry.service.Registry;
import dev.berth.registry.service.RequestValues;
import dev.berth.server.http.body.UnreadableBody;
import dev.berth.server.registry.DistributionRoute.Shape;
import dev.berth.server.registry.auth.GrantContext;
import dev.berth.server.registry.auth.RegistryCaller;
import dev.berth.server.rpc.Principals;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /v2} API (OCI distribution-spec v1.1, registry.md): the pipeline of every request is
 * route ({@link DistributionRoute}), authenticate, locate, authorize ({@link RegistryGate}), then one
 * responder per family of routes. Refusals are written in one place, from the OCI catalog.
 */
public final class DistributionEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(DistributionEndpoint.class);

    private final Registry registry;
    private final Instances instances;
    private final RegistryAddresses addresses;
    private final RegistryPermissions permissions;
    private final RegistryGate gate;
    private final Clock clock;
    private final BlobResponder blobs;
    private final UploadResponder uploads;
    private final ManifestResponder manifests;
    private final ListingResponder listings;

    public DistributionEndpoint(Registry registry, Instances instances, RegistryAddresses addresses, RegistryPermissions permissions, RegistryGate gate,
                                Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.instances = Objects.requireNonNull(instances, "instances");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.blobs = new BlobResponder(registry.blobs());
        this.uploads = new UploadResponder(registry.uploads());
        this.manifests = new ManifestResponder(registry.manifests());
        this.listings = new ListingResponder(registry.discovery());
    }

    public void handle(Request request, Response response, Callback callback) {
        boolean head = request.getMethod().equals("HEAD");
        try {
            dispatch(request, response, callback);
        } catch (RegistryGate.Challenge e) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, e.header(realm(request), gate.service()));
            OciResponses.failure(response, callback, OciError.of(OciErrorCode.UNAUTHORIZED, e.getMessage()), head);
        } catch (OciException e) {
            OciResponses.failure(response, callback, e.error(), head);
        } catch (RegistryException e) {
            OciResponses.failure(response, callback, OciErrors.toOci(e), head);
        } catch (InvalidDigestException e) {
            OciResponses.failure(response, callback, OciError.of(OciErrorCode.DIGEST_INVALID, e.getMessage()), head);
        } catch (InvalidNameException e) {
            OciResponses.failure(response, callback, OciError.of(OciErrorCode.NAME_INVALID, e.getMessage()), head);
        } catch (IOException e) {
            if (response.isCommitted()) {
                callback.failed(e);
                return;
            }
            LOG.info("a /v2 request body could not be read: {}", e.toString());
            OciResponses.failure(response, callback, unreadableBody(e), head);
        } catch (RuntimeException e) {
            LOG.error("a /v2 request failed", e);
            if (response.isCommitted()) {
                callback.failed(e);
                return;
            }
            OciResponses.failure(response, callback, OciError.of(OciErrorCode.INTERNAL_ERROR, "the registry failed"), head);
        }
    }

    private void dispatch(Request request, Response response, Callback callback) throws IOException {
        String rawPath = request.getHttpURI().getPath();
        DistributionPath path = DistributionPath.parse(rawPath)
                .orElseThrow(() -> OciException.of(OciErrorCode.NAME_UNKNOWN, "`" + shown(rawPath) + "` is not a registry path"));
        DistributionRoute route = DistributionRoute.find(request.getMethod(), path.shape())
                .orElseThrow(() -> OciException.of(OciErrorCode.UNSUPPORTED, "`" + request.getMethod() + "` is not served on this path"));
        GrantContext context = GrantContext.of(request, clock.instant(), gate.identityGeneration());
        RegistryGate.Authenticated caller = gate.authenticate(Optional.ofNullable(request.getHeaders().get(HttpHeader.AUTHORIZATION)),
                context.now());
        if (path.shape() == Shape.BASE) {
            if (caller.caller() instanceof RegistryCaller.Anonymous) {
                throw new RegistryGate.Challenge("sign in to use the registry", Optional.empty(), false);
            }
            OciResponses.json(response, callback, 200, "application/json", Map.of());
            return;
        }
        if (path.shape() == Shape.CATALOG) {
            catalog(request, response, callback, gate.authorizeCatalog(caller), context);
            return;
        }
        String written = path.name().orElseThrow();
        if (written.contains("%") || written.contains("//")) {
            throw new InvalidNameException("repository name `" + shown(written) + "` may not hold encoded characters or empty components");
        }
        RegistryPermissions.Target target = permissions.target(addresses.locate(context.host(), written), caller.caller());
        gate.authorize(caller, route.needs(), target, written, context);
        DistributionExchange exchange = new DistributionExchange(request, response, callback, route, written, target, path.last(), context);
        switch (route.shape()) {
            case BLOB -> blobs.respond(exchange);
            case UPLOADS, UPLOAD -> uploads.respond(exchange, from -> mountSource(caller, target, from, context));
            case MANIFEST -> manifests.respond(exchange);
            case TAGS, REFERRERS -> listings.respond(exchange);
            case BASE, CATALOG -> throw new IllegalStateException("answered above");
        }
    }

    /**
     * The source of a mount into {@code target}: the name {@code from} is located at, when that is in the
     * target's own instance and the caller may pull it (token and policies); otherwise none.
     */
    private Optional<ImageName> mountSource(RegistryGate.Authenticated caller, RegistryPermissions.Target target, String from,
                                            GrantContext context) {
        try {
            RegistryAddresses.Located located = addresses.locate(context.host(), from);
            Optional<InstanceId> instance = located.instance().map(Instance::id);
            if (instance.isEmpty() || !instance.equals(target.instance().map(Instance::id))) {
                return Optional.empty();
            }
            RegistryPermissions.Target source = permissions.target(located, caller.caller());
            gate.authorize(caller, List.of(RegistryAccess.PULL), source, from, context);
            return Optional.of(located.name());
        } catch (RegistryGate.Challenge | OciException | InvalidNameException e) {
            return Optional.empty();
        }
    }

    /** The caller's repositories on this host that it may {@code cr:ListRepository}, paged by {@code n} and {@code last}. */
    private void catalog(Request request, Response response, Callback callback, RegistryCaller.Identified caller, GrantContext context) {
        Map<String, Object> answer = new LinkedHashMap<>();
        Optional<Instance> instance = hostInstance(context).or(() -> Principals.account(caller.principal())
                .flatMap(instances::personalOf));
        PageSize size = RequestValues.pageSize(DistributionExchange.query(request, "n"));
        Optional<ImageName> last = RequestValues.lastRepository(DistributionExchange.query(request, "last"));
        if (instance.isEmpty()) {
            answer.put("repositories", List.of());
            OciResponses.json(response, callback, 200, "application/json", answer);
            return;
        }
        Predicate<ImageName> mayList = permissions.mayList(caller, instance.get(), context);
        CatalogPage page = registry.catalog().list(instance.get().id(), size, last, repository -> mayList.test(repository.name()));
        answer.put("repositories", page.repositories().stream().map(ImageName::toString).toList());
        page.next().ifPresent(next -> response.getHeaders().put(HttpHeader.LINK, ListingResponder.link("/v2/_catalog", size,
                next.toString())));
        OciResponses.json(response, callback, 200, "application/json", answer);
    }

    private Optional<Instance> hostInstance(GrantContext context) {
        try {
            return addresses.locate(context.host(), "host/probe").instance().filter(found -> !found.id().isPersonal());
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    private static String realm(Request request) {
        String host = Optional.ofNullable(request.getHeaders().get(HttpHeader.HOST))
                .orElseGet(() -> request.getHttpURI().getAuthority());
        return (request.isSecure() ? "https" : "http") + "://" + host + "/auth/token";
    }

    /** What to tell a client whose body could not be read: 408 for one too slow, 400 for one cut short or unreadable. */
    private static OciError unreadableBody(IOException e) {
        UnreadableBody body = UnreadableBody.of(e);
        return OciError.of(body.kind() == UnreadableBody.Kind.TOO_SLOW ? OciErrorCode.REQUEST_TIMEOUT : OciErrorCode.REQUEST_INVALID,
                body.reason());
    }

}
