package dev.berth.server.rpc;

import dev.berth.policy.PolicyEngine;
import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.evaluation.Decision;
import dev.berth.policy.evaluation.Outcome;
import dev.berth.policy.evaluation.PolicySet;
import dev.berth.policy.evaluation.Request;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.ActionName;
import dev.berth.policy.value.ResourceArn;
import dev.berth.server.rpc.error.RpcErrorCode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The authorization phase of the RPC pipeline (iam-api.md section 2): every call but the open ones
 * is evaluated by the policy engine on the policies as they stand, with the request's context keys.
 */
public final class Authorizer {
    private final Function<RpcCall, PolicySet> policiesOf;

    /** {@code policiesOf} loads the policies that count for the caller of a call (policy.md section 4). */
    public Authorizer(Function<RpcCall, PolicySet> policiesOf) {
        this.policiesOf = Objects.requireNonNull(policiesOf, "policiesOf");
    }

    /** Returns when the call is allowed; throws {@code NoPermission} naming the action, resource and kind of deny. */
    public void authorize(RpcRoute route, RpcCall call) {
        if (route.permission().isEmpty()) {
            return;
        }
        ActionName action = route.permission().get();
        PolicySet policies = policiesOf.apply(call);
        RequestContext context = context(call);
        for (ResourceArn resource : route.resources().apply(call)) {
            Decision decision = PolicyEngine.evaluate(new Request(call.caller(), action, resource, Optional.empty(), context), policies);
            if (decision.outcome() != Outcome.Allow) {
                String kind = decision.outcome() == Outcome.ExplicitDeny ? "an explicit deny" : "no policy allows it";
                throw RpcException.of(RpcErrorCode.NO_PERMISSION, "you are not authorized to do `" + action + "` on `" + resource
                        + "` (" + kind + ")");
            }
        }
    }

    /** The context keys the server fills in for every call (policy.md section 3). */
    public static RequestContext context(RpcCall call) {
        return context(call.caller(), call.receivedAt(), call.secure(), call.sourceAddress(), call.request().header("user-agent"))
                .put("acs:AccessId", call.accessKeyId())
                .build();
    }

    /**
     * The context keys the server fills in for every request of {@code caller}, on the RPC API and the
     * registry alike (policy.md section 3); a signed call adds {@code acs:AccessId}.
     */
    public static RequestContext.Builder context(Principal caller, Instant receivedAt, boolean secure, Optional<String> sourceAddress,
                                                 Optional<String> userAgent) {
        RequestContext.Builder context = RequestContext.builder()
                .put("acs:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(receivedAt))
                .put("acs:SecureTransport", String.valueOf(secure))
                .put("acs:PrincipalARN", Principals.arn(caller));
        sourceAddress.ifPresent(address -> context.put("acs:SourceIp", address));
        userAgent.ifPresent(agent -> context.put("acs:UserAgent", agent));
        return context;
    }
}
