package dev.berth.server.rpc.signature;

import dev.berth.server.rpc.error.RpcError;
import java.util.Objects;
import java.util.Optional;

/** What {@link RequestAuthenticator} concludes about a request. */
public sealed interface Authentication {
    /** The request is signed with the secret of {@code accessKeyId}, and is no replay. */
    record Verified(AccessKeyId accessKeyId, Optional<SecurityToken> securityToken, SignatureVersion version)
            implements Authentication {
        public Verified {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(securityToken, "securityToken");
            Objects.requireNonNull(version, "version");
        }
    }

    /** The request is refused with this error, to be answered as it is. */
    record Refused(RpcError error) implements Authentication {
        public Refused {
            Objects.requireNonNull(error, "error");
        }
    }
}
