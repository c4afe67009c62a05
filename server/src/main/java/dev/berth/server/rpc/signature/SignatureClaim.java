package dev.berth.server.rpc.signature;

import java.util.List;
import java.util.Objects;

/** A request's claimed identity with what its signature covers, ready to be checked against a secret. */
sealed interface SignatureClaim {
    ClaimedIdentity identity();

    SignatureVersion version();

    /**
     * Signature V1.
     *
     * @param stringsToSign the strings the client may have signed: the spec's first, then the one of
     *                      the SDKs that leave empty values out of the canonical query, if it differs
     * @param signature     the {@code Signature} parameter, Base64
     */
    record V1(ClaimedIdentity identity, List<String> stringsToSign, String signature) implements SignatureClaim {
        public V1 {
            Objects.requireNonNull(identity, "identity");
            stringsToSign = List.copyOf(stringsToSign);
            Objects.requireNonNull(signature, "signature");
        }

        @Override
        public SignatureVersion version() {
            return SignatureVersion.V1;
        }
    }

    /**
     * Signature V3.
     *
     * @param canonicalRequest the canonical request the server built from what it received
     * @param signature        the {@code Signature} of the {@code Authorization} header, hex
     */
    record V3(ClaimedIdentity identity, String canonicalRequest, String signature) implements SignatureClaim {
        public V3 {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(canonicalRequest, "canonicalRequest");
            Objects.requireNonNull(signature, "signature");
        }

        @Override
        public SignatureVersion version() {
            return SignatureVersion.V3;
        }
    }
}
