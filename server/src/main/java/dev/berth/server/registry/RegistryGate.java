package dev.berth.server.registry;

import dev.berth.policy.evaluation.Decision;
import dev.berth.policy.evaluation.Outcome;
import dev.berth.registry.instance.QualifiedName;
import dev.berth.server.registry.auth.BasicCredentials;
import dev.berth.server.registry.auth.BearerAccess;
import dev.berth.server.registry.auth.GrantContext;
import dev.berth.server.registry.auth.RegistryCaller;
import dev.berth.server.registry.auth.RegistrySignIn;
import dev.berth.server.registry.auth.ScopeAction;
import dev.berth.server.registry.auth.ScopeResource;
import dev.berth.server.registry.auth.SignInRefusedException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The authentication and authorization phases of {@code /v2} (registry.md sections 3 and 4): who is
 * calling (a bearer token re-checked against the identities as they stand, Basic credentials, or no
 * one), then, for each access a route needs, the token's scope and the policies now. A caller with no
 * or too narrow a token gets 401 and a challenge naming the scope; a signed-in caller the policies
 * refuse gets 403 {@code DENIED} naming the action, the resource and the kind of deny.
 */
public final class RegistryGate {
    private final RegistrySignIn signIn;
    private final RegistryPermissions permissions;
    private final String service;

    public RegistryGate(RegistrySignIn signIn, RegistryPermissions permissions, String service) {
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.service = Objects.requireNonNull(service, "service");
    }

    /** Who is calling, and the token's scopes when a token was shown. */
    public record Authenticated(RegistryCaller caller, Optional<BearerAccess> bearer) {
        public Authenticated {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(bearer, "bearer");
        }
    }

    /** Thrown to answer 401 with a challenge. */
    public static final class Challenge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Optional<String> scope;
        private final boolean insufficientScope;

        Challenge(String message, Optional<String> scope, boolean insufficientScope) {
            super(message);
            this.scope = scope;
            this.insufficientScope = insufficientScope;
        }

        /** The {@code WWW-Authenticate} value for a realm at {@code realm}. */
        public String header(String realm, String service) {
            StringBuilder value = new StringBuilder("Bearer realm=\"" + realm + "\",service=\"" + service + "\"");
            scope.ifPresent(s -> value.append(",scope=\"").append(s).append('"'));
            if (insufficientScope) {
                value.append(",error=\"insufficient_scope\"");
            }
            return value.toString();
        }
    }

    public String service() {
        return service;
    }

    /** Reads the {@code Authorization} header; a refused credential is a {@link Challenge}. */
    /** The identity generation, read before a request signs in (see {@link GrantContext}). */
    public long identityGeneration() {
        return signIn.identityGeneration();
    }

    public Authenticated authenticate(Optional<String> authorization, Instant now) {
        if (authorization.isEmpty() || authorization.get().isBlank()) {
            return new Authenticated(new RegistryCaller.Anonymous(), Optional.empty());
        }
        String header = authorization.get().trim();
        try {
            if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                BearerAccess access = signIn.bearer(header.substring(7).trim(), now);
                return new Authenticated(access.caller(), Optional.of(access));
            }
            if (header.toLowerCase(Locale.ROOT).startsWith("basic ")) {
                return new Authenticated(signIn.signIn(BasicCredentials.fromHeader(header).orElseThrow(), now), Optional.empty());
            }
        } catch (SignInRefusedException e) {
            throw new Challenge(e.getMessage(), Optional.empty(), false);
        }
        throw new Challenge("the `Authorization` header must be `Bearer` or `Basic`", Optional.empty(), false);
    }

    /**
     * Returns when every access is allowed on the target. {@code written} is the name as the client
     * wrote it (the scope the challenge names).
     */
    public void authorize(Authenticated caller, List<RegistryAccess> needs, RegistryPermissions.Target target, String written,
                          GrantContext context) {
        for (RegistryAccess access : needs) {
            boolean publicPull = access == RegistryAccess.PULL && permissions.isPublic(target);
            if (!publicPull && caller.bearer().isPresent() && !caller.bearer().get().grants(resource(written), scopeAction(access))) {
                throw new Challenge("the token does not grant `" + access.scopeAction() + "` on `" + written + "`",
                        Optional.of(scope(written, needs)), true);
            }
            Decision decision = permissions.decide(caller.caller(), access, target, context);
            if (decision.outcome() == Outcome.Allow) {
                continue;
            }
            if (caller.caller() instanceof RegistryCaller.Anonymous) {
                throw new Challenge("sign in to " + access.scopeAction() + " `" + written + "`", Optional.of(scope(written, needs)), false);
            }
            String kind = decision.outcome() == Outcome.ExplicitDeny ? "an explicit deny" : "no policy allows it";
            throw new OciException(new OciError(OciErrorCode.DENIED, "requested access to the resource is denied",
                    Optional.of("`" + access.action() + "` on `" + target.arn() + "` is refused (" + kind + ")")));
        }
    }

    /** The catalog needs a signed-in caller, and with a token, the {@code registry:catalog:*} scope. */
    public RegistryCaller.Identified authorizeCatalog(Authenticated caller) {
        if (caller.caller() instanceof RegistryCaller.Identified identified
                && caller.bearer().map(access -> access.grants(new ScopeResource.Catalog(), ScopeAction.ALL)).orElse(true)) {
            return identified;
        }
        throw new Challenge("sign in to list the catalog", Optional.of("registry:catalog:*"), caller.bearer().isPresent());
    }

    private static ScopeResource resource(String written) {
        QualifiedName qualified = QualifiedName.parse(written);
        return new ScopeResource.Repository(qualified.instance(), qualified.name());
    }

    private static ScopeAction scopeAction(RegistryAccess access) {
        return switch (access) {
            case PULL -> ScopeAction.PULL;
            case PUSH -> ScopeAction.PUSH;
            case DELETE -> ScopeAction.DELETE;
        };
    }

    private static String scope(String written, List<RegistryAccess> needs) {
        List<RegistryAccess> asked = needs.contains(RegistryAccess.PUSH) ? List.of(RegistryAccess.PULL, RegistryAccess.PUSH) : needs;
        return "repository:" + written + ":" + asked.stream().map(RegistryAccess::scopeAction).collect(Collectors.joining(","));
    }
}
