package dev.berth.server.rpc;

import dev.berth.iam.IamException;
import dev.berth.registry.RegistryException;
import dev.berth.server.http.body.UnreadableBody;
import dev.berth.server.rpc.error.RpcError;
import dev.berth.server.rpc.error.RpcErrorCode;
import dev.berth.server.rpc.signature.Authentication;
import dev.berth.server.rpc.signature.RequestAuthenticator;
import dev.berth.server.rpc.signature.SignedRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The RPC API at {@code /} (iam-api.md section 3). The pipeline: read, authenticate the signature,
 * resolve the caller, find the action by {@code Version} and {@code Action}, run it, render. Actions
 * never build error bodies: they throw {@link RpcException}, rendered here.
 */
public final class RpcEndpoint {
    private static final Logger LOG = Logger.getLogger(RpcEndpoint.class.getName());

    private final RequestAuthenticator authenticator;
    private final Callers callers;
    private final Authorizer authorizer;
    private final RpcActions actions;
    private final Clock clock;

    public RpcEndpoint(RequestAuthenticator authenticator, Callers callers, Authorizer authorizer, RpcActions actions, Clock clock) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.callers = Objects.requireNonNull(callers, "callers");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void handle(Request request, Response response, Callback callback) {
        String requestId = requestId();
        Instant now = clock.instant();
        try {
            SignedRequest signed = HttpRequests.read(request);
            RpcAnswer answer = dispatch(signed, now, Optional.ofNullable(Request.getRemoteAddr(request)), request.isSecure());
            RpcResponses.success(response, callback, requestId, answer);
        } catch (RpcException e) {
            RpcResponses.failure(response, callback, requestId, request.getHttpURI().getHost(), e.error());
        } catch (IamException e) {
            RpcResponses.failure(response, callback, requestId, request.getHttpURI().getHost(), IamErrors.toRpc(e));
        } catch (RegistryException e) {
            RpcResponses.failure(response, callback, requestId, request.getHttpURI().getHost(), RegistryErrors.toRpc(e));
        } catch (HttpRequests.BodyTooLargeException e) {
            RpcResponses.failure(response, callback, requestId, request.getHttpURI().getHost(),
                    RpcError.of(RpcErrorCode.INVALID_PARAMETER, "Body", "the request body is over 1 MiB"));
        } catch (IOException e) {
            UnreadableBody body = UnreadableBody.of(e);
            RpcResponses.failure(response, callback, requestId, request.getHttpURI().getHost(), body.kind() == UnreadableBody.Kind.TOO_SLOW
                    ? RpcError.of(RpcErrorCode.REQUEST_TIMEOUT, body.reason())
                    : RpcError.of(RpcErrorCode.INVALID_PARAMETER, "Body", body.reason()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + requestId + " failed", e);
            RpcResponses.failure(response, callback, requestId, request.getHttpURI().getHost(),
                    RpcError.of(RpcErrorCode.INTERNAL_ERROR, "the server failed; quote RequestId " + requestId));
        }
    }

    /**
     * A request id in UUID form. It identifies, it protects nothing, so it comes from a fast
     * per-thread generator rather than the shared, locked, cryptographic one behind {@code UUID.randomUUID}.
     */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(Locale.ROOT);
    }

    private RpcAnswer dispatch(SignedRequest request, Instant now, Optional<String> sourceAddress, boolean secure) {
        String version = single(request, "Version", "x-acs-version");
        String actionName = single(request, "Action", "x-acs-action");
        Product product = Product.ofVersion(version).orElseThrow(() -> RpcException.of(RpcErrorCode.INVALID_VERSION,
                "version `" + version + "` is not served; use 2015-05-01 (RAM), 2015-04-01 (STS) or 2018-12-01 (Container Registry)"));
        RpcRoute route = actions.find(product, actionName).orElseThrow(() -> RpcException.of(RpcErrorCode.INVALID_ACTION_NOT_FOUND,
                "action `" + actionName + "` of version `" + version + "` does not exist"));
        Authentication authentication = authenticator.authenticate(request, now);
        return switch (authentication) {
            case Authentication.Refused refused -> throw new RpcException(refused.error());
            case Authentication.Verified verified -> {
                Callers.Caller caller = callers.callerOf(verified.accessKeyId(), verified.securityToken(), now);
                RpcCall call = new RpcCall(caller.principal(), caller.sessionPolicy(), caller.generation(), verified.accessKeyId().value(),
                        request, now, sourceAddress, secure);
                authorizer.authorize(route, call);
                yield route.action().run(call);
            }
        };
    }

    /** The value of a common parameter (V1) or of its header (V3). */
    private static String single(SignedRequest request, String parameter, String header) {
        List<String> values = request.parameterValues(parameter);
        if (values.size() == 1) {
            return values.getFirst();
        }
        if (values.size() > 1) {
            throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, parameter, "parameter `" + parameter + "` is given more than once");
        }
        Optional<String> fromHeader = request.header(header);
        return fromHeader.orElseThrow(() -> RpcException.of(RpcErrorCode.MISSING_PARAMETER, parameter,
                "parameter `" + parameter + "` is required"));
    }
}
