package dev.berth.iam.service;

import dev.berth.iam.IamException;
import dev.berth.iam.role.Role;
import dev.berth.iam.role.RoleSession;
import dev.berth.iam.secret.SecretBox;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.iam.value.RandomText;
import dev.berth.policy.PolicyEngine;
import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.evaluation.AssumeRoleDecision;
import dev.berth.policy.evaluation.Outcome;
import dev.berth.policy.evaluation.PolicySet;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.RoleArn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** STS {@code AssumeRole} (policy.md section 5, iam-api.md section 4): checks, decides, issues a session. */
public final class SecurityTokenService {
    private static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9.@_-]{2,64}");
    public static final int SHORTEST_SESSION = 900;

    private final IdentityStore store;
    private final SecretBox secrets;
    private final SecureRandom random;
    private final StoredDocuments documents;

    public SecurityTokenService(IdentityStore store, SecretBox secrets, SecureRandom random, StoredDocuments documents) {
        this.store = Objects.requireNonNull(store, "store");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new session with its secret and token in plain text, for the one answer that shows them. */
    public record Issued(RoleSession session, String secret, String securityToken, String arn, String assumedRoleId) {
        @Override
        public String toString() {
            return "Issued[" + arn + ", secrets hidden]";
        }
    }

    /** The parameters of {@code AssumeRole}. */
    public record Request(RoleArn role, String sessionName, Optional<Integer> durationSeconds, Optional<String> policy,
                          Optional<String> externalId) {
    }

    public Issued assumeRole(Principal caller, PolicySet callerPolicies, Request request, RequestContext context, Instant now) {
        if (!SESSION_NAME.matcher(request.sessionName()).matches()) {
            throw new IamException(IamException.Kind.INVALID, "RoleSessionName",
                    "`RoleSessionName` must be 2 to 64 of `A-Za-z0-9.@_-`, got `" + request.sessionName() + "`");
        }
        request.policy().ifPresent(SecurityTokenService::requireSessionPolicy);
        Role role = store.inTransaction(transaction -> Roles.existing(transaction, request.role().account(), request.role().name()));
        int duration = request.durationSeconds().orElse(Role.DEFAULT_MAX_SESSION);
        if (duration < SHORTEST_SESSION || duration > role.maxSessionDuration()) {
            throw new IamException(IamException.Kind.INVALID, "DurationSeconds", "`DurationSeconds` must be " + SHORTEST_SESSION
                    + " to " + role.maxSessionDuration() + " for role `" + role.name() + "`, got " + duration);
        }
        RequestContext withSts = context.with("sts:RoleSessionName", request.sessionName());
        if (request.externalId().isPresent()) {
            withSts = withSts.with("sts:ExternalId", request.externalId().get());
        }
        AssumeRoleDecision decision = PolicyEngine.assumeRole(caller, callerPolicies, new RoleArn(role.account(), role.name()),
                documents.parse(role.trustPolicy(), DocumentKind.TRUST), withSts);
        if (!decision.allowed()) {
            String why = decision.callerPermission().map(permission -> permission.outcome() != Outcome.Allow).orElse(false)
                    ? "you are not authorized to do `sts:AssumeRole` on `" + role.arn() + "`"
                    : "the trust policy of role `" + role.name() + "` does not admit you";
            throw new IamException(IamException.Kind.NOT_PERMITTED, "AssumeRole", why);
        }
        AccessKeyId id = AccessKeyId.newTemporary(random);
        String secret = RandomText.of(random, RandomText.LETTERS_AND_DIGITS, 44);
        String token = "CAIS" + RandomText.of(random, RandomText.LETTERS_AND_DIGITS, 124);
        RoleSession session = new RoleSession(id, role.account(), role.name(), request.sessionName(), secrets.seal(secret, id.value()),
                hash(token), request.policy(), now, now.plusSeconds(duration));
        store.inTransaction(transaction -> {
            transaction.roles().insertSession(session);
            return null;
        });
        return new Issued(session, secret, token, role.arn() + "/" + request.sessionName(), role.id() + ":" + request.sessionName());
    }

    /** Whether {@code token} is the one issued with {@code session}, compared in constant time. */
    public static boolean tokenMatches(RoleSession session, String token) {
        return MessageDigest.isEqual(session.tokenHash().getBytes(StandardCharsets.US_ASCII), hash(token).getBytes(StandardCharsets.US_ASCII));
    }

    private static void requireSessionPolicy(String policy) {
        try {
            PolicyEngine.parse(policy, DocumentKind.SESSION);
        } catch (MalformedPolicyDocumentException e) {
            boolean size = e.getMessage().contains("over the limit");
            throw new IamException(IamException.Kind.INVALID, size ? "PolicySize" : "PolicyGrammar", e.getMessage());
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
