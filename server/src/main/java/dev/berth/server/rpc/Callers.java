package dev.berth.server.rpc;

import dev.berth.iam.key.AccessKey;
import dev.berth.iam.key.AccessKeyStatus;
import dev.berth.iam.role.RoleSession;
import dev.berth.iam.secret.SecretBox;
import dev.berth.iam.service.SecurityTokenService;
import dev.berth.iam.store.GenerationCache;
import dev.berth.iam.store.IdentityStore;
import dev.berth.policy.principal.Principal;
import dev.berth.server.rpc.error.RpcErrorCode;
import dev.berth.server.rpc.signature.AccessKeyId;
import dev.berth.server.rpc.signature.AccessKeySecret;
import dev.berth.server.rpc.signature.SecretLookup;
import dev.berth.server.rpc.signature.SecurityToken;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the secrets of AccessKeys for the signature check, and the principal a verified key stands
 * for. What a key stands for is read once per identity generation (any identity change moves it, on
 * every node), so a deactivated key or an ended session counts on the very next call.
 */
public final class Callers implements SecretLookup {
    /** Keys kept at most; past it the cache starts over. */
    private static final int CACHE_CAPACITY = 10_000;

    private final IdentityStore store;
    private final SecretBox secrets;
    private final GenerationCache<String, Known> known = new GenerationCache<>(CACHE_CAPACITY);

    /**
     * What the signature check of this request just read, handed to {@link #callerOf} of the same
     * request (one thread) so that a call reads the store's generation and its key once; taken by the
     * first look.
     */
    private final ThreadLocal<Known> justRead = new ThreadLocal<>();

    public Callers(IdentityStore store, SecretBox secrets) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /**
     * A key as the store held it at {@code generation}: a long-term key or a role session (neither when
     * unknown), with its opened secret.
     */
    private record Known(long generation, String accessKeyId, Optional<AccessKey> key, Optional<RoleSession> session,
                         Optional<String> secret) {
    }

    @Override
    public Optional<AccessKeySecret> secretOf(AccessKeyId accessKeyId) {
        Known key = known(accessKeyId, store.generation());
        justRead.set(key);
        return key.secret().map(AccessKeySecret::new);
    }

    /** Who signed with a verified key, the session policy of a role session, and the identity generation both were read at. */
    public record Caller(Principal principal, Optional<String> sessionPolicy, long generation) {
    }

    /**
     * The caller behind a verified key: {@code InvalidAccessKeyId.Inactive} for a key switched off; for
     * STS keys, {@code InvalidSecurityToken.Malformed} when the token is missing or not the one
     * issued, {@code InvalidSecurityToken.Expired} past the session's end.
     */
    public Caller callerOf(AccessKeyId accessKeyId, Optional<SecurityToken> token, Instant now) {
        Known read = justRead.get();
        justRead.remove();
        Known key = read != null && read.accessKeyId().equals(accessKeyId.value()) ? read : known(accessKeyId, store.generation());
        if (key.key().isPresent()) {
            return new Caller(principalOf(key.key().get()), Optional.empty(), key.generation());
        }
        RoleSession session = key.session().orElseThrow(() -> RpcException.of(RpcErrorCode.INVALID_ACCESS_KEY_ID_NOT_FOUND,
                "AccessKey `" + accessKeyId.value() + "` does not exist"));
        if (token.isEmpty() || !SecurityTokenService.tokenMatches(session, token.get().value())) {
            throw RpcException.of(RpcErrorCode.INVALID_SECURITY_TOKEN_MALFORMED, "the SecurityToken is missing or is not the one issued"
                    + " with `" + accessKeyId.value() + "`");
        }
        if (!now.isBefore(session.expiresAt())) {
            throw RpcException.of(RpcErrorCode.INVALID_SECURITY_TOKEN_EXPIRED, "the SecurityToken expired at " + session.expiresAt());
        }
        return new Caller(new Principal.RoleSession(session.account(), session.roleName(), session.sessionName()),
                session.sessionPolicy(), key.generation());
    }

    private static Principal principalOf(AccessKey key) {
        if (key.status() == AccessKeyStatus.Inactive) {
            throw RpcException.of(RpcErrorCode.INVALID_ACCESS_KEY_ID_INACTIVE, "AccessKey `" + key.id().value() + "` is inactive");
        }
        return key.userName().<Principal>map(name -> new Principal.RamUser(key.account(), name))
                .orElseGet(() -> new Principal.Account(key.account()));
    }

    /**
     * The key as it stands at {@code generation}, read from the store unless already known at it. Only
     * keys that exist are kept, so made-up ids cannot crowd the real ones out.
     */
    private Known known(AccessKeyId accessKeyId, long generation) {
        Optional<Known> cached = known.get(accessKeyId.value(), generation);
        if (cached.isPresent()) {
            return cached.get();
        }
        Known read = read(accessKeyId, generation);
        if (read.secret().isPresent()) {
            known.put(accessKeyId.value(), generation, read);
        }
        return read;
    }

    private Known read(AccessKeyId accessKeyId, long generation) {
        String id = accessKeyId.value();
        if (!dev.berth.iam.value.AccessKeyId.isWellFormed(id)) {
            return new Known(generation, id, Optional.empty(), Optional.empty(), Optional.empty());
        }
        dev.berth.iam.value.AccessKeyId wellFormed = new dev.berth.iam.value.AccessKeyId(id);
        if (id.startsWith("STS.")) {
            Optional<RoleSession> session = store.inTransaction(transaction -> transaction.roles().findSession(wellFormed));
            return new Known(generation, id, Optional.empty(), session, session.map(found -> secrets.open(found.secret(), id)));
        }
        Optional<AccessKey> key = store.inTransaction(transaction -> transaction.accessKeys().find(wellFormed));
        return new Known(generation, id, key, Optional.empty(), key.map(found -> secrets.open(found.secret(), found.id().value())));
    }
}
