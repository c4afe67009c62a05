package dev.berth.server.registry.auth;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** JWTs a test signs itself: forged, tampered or otherwise not quite the registry's own. */
public final class TestJwts {
    private TestJwts() {
    }

    /** {@code claims} under {@code header}, signed with {@code signer}, in compact serialization. */
    public static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
