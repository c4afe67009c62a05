package dev.berth.server.rpc;

import dev.berth.server.rpc.error.RpcErrorCode;
import dev.berth.iam.key.AccessKey;
import dev.berth.iam.key.AccessKeyStatus;
import dev.berth.iam.secret.SecretBox;
import dev.berth.iam.store.IdentityStore;
import dev.berth.policy.principal.Principal;
import dev.berth.server.rpc.signature.AccessKeyId;
import dev.berth.server.rpc.signature.AccessKeySecret;
import dev.berth.server.rpc.signature.SecretLookup;
import java.util.Objects;
import java.util.Optional;

/** Finds the secrets of AccessKeys for the signature check, and the principal a verified key stands for. */
public final class Callers implements SecretLookup {
    private final IdentityStore store;
    private final SecretBox secrets;

    public Callers(IdentityStore store, SecretBox secrets) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public Optional<AccessKeySecret> secretOf(AccessKeyId accessKeyId) {
        return find(accessKeyId).map(key -> new AccessKeySecret(secrets.open(key.secret(), key.id().value())));
    }

    /** The principal of a verified key; {@code InvalidAccessKeyId.Inactive} for a key switched off. */
    public Principal principalOf(AccessKeyId accessKeyId) {
        AccessKey key = find(accessKeyId).orElseThrow(() -> RpcException.of(RpcErrorCode.INVALID_ACCESS_KEY_ID_NOT_FOUND,
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
