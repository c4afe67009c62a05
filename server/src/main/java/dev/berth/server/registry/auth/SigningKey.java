package dev.berth.server.registry.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Objects;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The server's token key (registry.md section 4): an EC P-256 key pair, and its id, the RFC 7638
 * SHA-256 thumbprint of the public key, which tokens name in their {@code kid} header.
 */
public record SigningKey(ECPrivateKey privateKey, ECPublicKey publicKey, String keyId) {
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(keyId, "keyId");
        requireP256(privateKey.getParams());
        requireP256(publicKey.getParams());
    }

    /** The pair of a P-256 private key (as {@code DataDirectory.tokenSigningKey} gives it): its public key is Q = dG. */
    public static SigningKey of(PrivateKey key) {
        if (!(key instanceof ECPrivateKey privateKey)) {
            throw new IllegalArgumentException("the token signing key must be an EC P-256 key");
        }
        requireP256(privateKey.getParams());
        org.bouncycastle.math.ec.ECPoint q = new FixedPointCombMultiplier().multiply(P256.getG(), privateKey.getS()).normalize();
        try {
            ECPoint point = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
            ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, privateKey.getParams()));
            return new SigningKey(privateKey, publicKey, thumbprint(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public token key", e);
        }
    }

    /** The public key as a JWK, with its id. */
    public ECKey publicJwk() {
        return new ECKey.Builder(Curve.P_256, publicKey).keyID(keyId).build();
    }

    private static String thumbprint(ECPublicKey publicKey) {
        try {
            return new ECKey.Builder(Curve.P_256, publicKey).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key's thumbprint", e);
        }
    }

    private static void requireP256(ECParameterSpec parameters) {
        BigInteger order = parameters.getOrder();
        boolean p256 = order.equals(P256.getN()) && parameters.getCurve().getField().getFieldSize() == 256
                && parameters.getGenerator().getAffineX().equals(P256.getG().normalize().getAffineXCoord().toBigInteger());
        if (!p256) {
            throw new IllegalArgumentException("the token signing key must be an EC P-256 key");
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
