package dev.berth.server.rpc.signature;

import java.util.Optional;

/**
 * Where the verifier finds the secret of a claimed key. The answer is empty only for a key that
 * does not exist; an inactive key, or a role session whose token has expired, still answers its
 * secret, and the caller refuses it after the signature is verified
 * ({@code InvalidAccessKeyId.Inactive}, {@code InvalidSecurityToken.*}), so that no one learns a
 * key's status without holding its secret.
 */
@FunctionalInterface
public interface SecretLookup {
    Optional<AccessKeySecret> secretOf(AccessKeyId accessKeyId);
}
