package dev.berth.server.registry.auth;

import dev.berth.server.http.body.UnreadableBody;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The token endpoint, {@code /auth/token} (registry.md section 4, Docker token specification).
 * The pipeline: read the request, check the service, sign the caller in (credentials, refresh
 * token, or anonymous), grant each scope asked the actions {@link ScopeGrant} allows of those
 * asked, sign an access token (and a refresh token when asked), render. A partial or empty grant
 * is not an error; wrong credentials answer 401 {@code UNAUTHORIZED}, a bad request 400.
 */
public final class TokenEndpoint extends Handler.Abstract {
    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());

    private final RegistrySignIn signIn;
    private final RegistryTokens tokens;
    private final ScopeGrant grant;
    private final Clock clock;

    public TokenEndpoint(RegistrySignIn signIn, RegistryTokens tokens, ScopeGrant grant, Clock clock) {
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.grant = Objects.requireNonNull(grant, "grant");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Instant now = clock.instant();
        String service = tokens.settings().service();
        try {
            TokenRequest read = TokenRequests.read(request);
            if (!read.service().equals(service)) {
                throw TokenRequestException.invalid("service `" + read.service() + "` is not served here; use `" + service + "`");
            }
            GrantContext context = GrantContext.of(request, now, signIn.identityGeneration());
            RegistryCaller caller = switch (read.signIn()) {
                case TokenRequest.SignIn.Credentials credentials -> signIn.signIn(credentials.credentials(), now);
                case TokenRequest.SignIn.Refresh refresh -> signIn.refresh(refresh.refreshToken(), now);
            };
            List<Scope> granted = granted(caller, read.scopes(), context);
            IssuedToken access = tokens.issueAccess(caller, granted, now);
            Optional<IssuedToken> refresh = switch (caller) {
                case RegistryCaller.Identified identified when read.wantsRefreshToken() -> Optional.of(tokens.issueRefresh(identified, now));
                case RegistryCaller.Identified identified -> Optional.empty();
                case RegistryCaller.Anonymous anonymous -> Optional.empty();
            };
            TokenResponses.success(response, callback, access, granted, refresh);
        } catch (TokenRequestException e) {
            TokenResponses.failure(response, callback, e.code(), e.getMessage(), service);
        } catch (InvalidScopeException e) {
            TokenResponses.failure(response, callback, TokenErrorCode.INVALID_REQUEST, e.getMessage(), service);
        } catch (SignInRefusedException e) {
            TokenErrorCode code = switch (e.reason()) {
                case WRONG_CREDENTIALS, INVALID_TOKEN, REVOKED -> TokenErrorCode.UNAUTHORIZED;
                case THROTTLED -> TokenErrorCode.TOOMANYREQUESTS;
            };
            TokenResponses.failure(response, callback, code, e.getMessage(), service);
        } catch (IOException e) {
            UnreadableBody body = UnreadableBody.of(e);
            TokenResponses.failure(response, callback, body.kind() == UnreadableBody.Kind.TOO_SLOW ? TokenErrorCode.REQUEST_TIMEOUT
                    : TokenErrorCode.INVALID_REQUEST, body.reason(), service);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "a token request failed", e);
            TokenResponses.failure(response, callback, TokenErrorCode.UNKNOWN, "the server failed", service);
        }
        return true;
    }

    /** Each scope asked, with the actions both asked and granted; scopes granted nothing are left out. */
    private List<Scope> granted(RegistryCaller caller, List<Scope> asked, GrantContext context) {
        List<Scope> granted = new ArrayList<>(asked.size());
        for (Scope scope : asked) {
            Set<ScopeAction> actions = EnumSet.noneOf(ScopeAction.class);
            actions.addAll(scope.actions());
            actions.retainAll(grant.grant(caller, scope, context));
            if (!actions.isEmpty()) {
                granted.add(new Scope(scope.resource(), actions));
            }
        }
        return List.copyOf(granted);
    }
}
