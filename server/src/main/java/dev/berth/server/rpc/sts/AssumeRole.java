package dev.berth.server.rpc.sts;

import dev.berth.iam.service.Attachments;
import dev.berth.iam.service.SecurityTokenService;
import dev.berth.policy.evaluation.PolicySet;
import dev.berth.policy.value.RoleArn;
import dev.berth.server.rpc.Authorizer;
import dev.berth.server.rpc.RpcAction;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcException;
import dev.berth.server.rpc.error.RpcErrorCode;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * STS {@code AssumeRole} (policy.md section 5): both halves are decided by the engine inside the
 * service, so the route itself is open; a refusal is {@code NoPermission}.
 */
public final class AssumeRole implements RpcAction {
    private final SecurityTokenService sts;
    private final Attachments attachments;

    public AssumeRole(SecurityTokenService sts, Attachments attachments) {
        this.sts = Objects.requireNonNull(sts, "sts");
        this.attachments = Objects.requireNonNull(attachments, "attachments");
    }

    @Override
    public RpcAnswer run(RpcCall call) {
        String arn = call.required("RoleArn");
        RoleArn role = RoleArn.parse(arn).orElseThrow(() -> RpcException.of(RpcErrorCode.INVALID_PARAMETER, "RoleArn",
                "`RoleArn` must be `acs:ram::<account>:role/<name>`, got `" + arn + "`"));
        Optional<Integer> duration;
        try {
            duration = call.nonEmpty("DurationSeconds").map(Integer::valueOf);
        } catch (NumberFormatException e) {
            throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, "DurationSeconds", "`DurationSeconds` must be a number of seconds");
        }
        PolicySet callerPolicies = attachments.policiesOf(call.caller(), call.sessionPolicy(), call.identityGeneration());
        SecurityTokenService.Issued issued = sts.assumeRole(call.caller(), callerPolicies,
                new SecurityTokenService.Request(role, call.required("RoleSessionName"), duration, call.nonEmpty("Policy"),
                        call.nonEmpty("ExternalId")),
                Authorizer.context(call), call.receivedAt());
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("AccessKeyId", issued.session().accessKeyId().value());
        credentials.put("AccessKeySecret", issued.secret());
        credentials.put("SecurityToken", issued.securityToken());
        credentials.put("Expiration", DateTimeFormatter.ISO_INSTANT.format(issued.session().expiresAt().truncatedTo(ChronoUnit.SECONDS)));
        return RpcAnswer.builder()
                .put("Credentials", credentials)
                .put("AssumedRoleUser", Map.of("Arn", issued.arn(), "AssumedRoleId", issued.assumedRoleId()))
                .build();
    }
}
