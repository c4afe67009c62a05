package dev.berth.server.rpc;

import dev.berth.server.rpc.error.RpcErrorCode;
import dev.berth.iam.key.AccessKey;
import dev.berth.iam.key.AccessKeyStatus;
import dev.berth.iam.role.RoleSession;
import dev.berth.iam.secret.SecretBox;
import dev.berth.iam.service.SecurityTokenService;
import dev.berth.iam.store.IdentityStore;
import dev.berth.policy.principal.Principal;
import dev.berth.server.rpc.signature.AccessKeyId;
import dev.berth.server.rpc.signature.AccessKeySecret;
import dev.berth.server.rpc.signature.SecretLookup;
import dev.berth.server.rpc.signature.SecurityToken;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Finds the secrets of AccessKeys for the signature check, and the principal a verified key stands for. */
public final class Callers implements SecretLookup {
    private final IdentityStore store;
    private final SecretBox secrets;
    private final SecurityTokenService sts;

    public Callers(IdentityStore store, SecretBox secrets, SecurityTokenService sts) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.sts = Objects.requireNonNull(sts, "sts");
    }

    private static boolean isTemporary(AccessKeyId accessKeyId) {
        return accessKeyId.value().startsWith("STS.") && dev.berth.iam.value.AccessKeyId.isWellFormed(accessKeyId.value());
    }

    private Optional<RoleSession> session(AccessKeyId accessKeyId) {
        return sts.session(new dev.berth.iam.value.AccessKeyId(accessKeyId.value()));
    }

    /**
     * The key the signature check of this request just read, handed to {@link #callerOf} of the same
     * request (one thread) so that a call reads its key once; taken by the first look.
     */
    private final ThreadLocal<AccessKey> justRead = new ThreadLocal<>();

    @Override
    public Optional<AccessKeySecret> secretOf(AccessKeyId accessKeyId) {
        if (isTemporary(accessKeyId)) {
            return session(accessKeyId).map(session -> new AccessKeySecret(sts.openSecret(session)));
        }
        Optional<AccessKey> key = find(accessKeyId);
        key.ifPresentOrElse(justRead::set, justRead::remove);
        return key.map(found -> new AccessKeySecret(secrets.open(found.secret(), found.id().value())));
    }

    /** Who signed with a verified key, and the session policy of a role session. */
    public record Caller(Principal principal, Optional<String> sessionPolicy) {
    }

    /**
     * The caller behind a verified key: {@code InvalidAccessKeyId.Inactive} for a key switched off; for
     * STS keys, {@code InvalidSecurityToken.Malformed} when the token is missing or not the one
     * issued, {@code InvalidSecurityToken.Expired} past the session's end.
     */
    public Caller callerOf(AccessKeyId accessKeyId, Optional<SecurityToken> token, Instant now) {
        if (!isTemporary(accessKeyId)) {
            return new Caller(principalOf(accessKeyId), Optional.empty());
        }
        RoleSession session = session(accessKeyId).orElseThrow(() -> RpcException.of(RpcErrorCode.INVALID_ACCESS_KEY_ID_NOT_FOUND,
                "AccessKey `" + accessKeyId.value() + "` does not exist"));
        if (token.isEmpty() || !SecurityTokenService.tokenMatches(session, token.get().value())) {
            throw RpcException.of(RpcErrorCode.INVALID_SECURITY_TOKEN_MALFORMED, "the SecurityToken is missing or is not the one issued"
                    + " with `" + accessKeyId.value() + "`");
        }
        if (!now.isBefore(session.expiresAt())) {
            throw RpcException.of(RpcErrorCode.INVALID_SECURITY_TOKEN_EXPIRED, "the SecurityToken expired at " + session.expiresAt());
        }
        return new Caller(new Principal.RoleSession(session.account(), session.roleName(), session.sessionName()),
                session.sessionPolicy());
    }

    private Principal principalOf(AccessKeyId accessKeyId) {
        AccessKey read = justRead.get();
        justRead.remove();
        Optional<AccessKey> known = read != null && read.id().value().equals(accessKeyId.value()) ? Optional.of(read) : find(accessKeyId);
        AccessKey key = known.orElseThrow(() -> RpcException.of(RpcErrorCode.INVALID_ACCESS_KEY_ID_NOT_FOUND,
                "AccessKey `" + accessKeyId.value() + "` does not exist"));
        if (key.status() == AccessKeyStatus.Inactive) {
            throw RpcException.of(RpcErrorCode.INVALID_ACCESS_KEY_ID_INACTIVE, "AccessKey `" + accessKeyId.value() + "` is inactive");
        }
        return key.userName().<Principal>map(name -> new Principal.RamUser(key.account(), name))
                .orElseGet(() -> new Principal.Account(key.account()));
    }

    private Optional<AccessKey> find(AccessKeyId accessKeyId) {
        if (!dev.berth.iam.value.AccessKeyId.isWellFormed(accessKeyId.value())) {
            return Optional.empty();
        }
        return store.inTransaction(transaction -> transaction.accessKeys().find(new dev.berth.iam.value.AccessKeyId(accessKeyId.value())));
    }
}
