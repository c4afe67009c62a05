package dev.berth.server.rpc.signature;

/** The two signatures the RPC edge accepts (iam-api.md section 3). */
public enum SignatureVersion {
    /** {@code SignatureMethod=HMAC-SHA1}, {@code SignatureVersion=1.0}, signature in a parameter. */
    V1("HMAC-SHA1"),
    /** {@code ACS3-HMAC-SHA256}, signature in the {@code Authorization} header. */
    V3("ACS3-HMAC-SHA256");

    private final String algorithm;

    SignatureVersion(String algorithm) {
        this.algorithm = algorithm;
    }

    /** The algorithm's name as the request states it. */
    public String algorithm() {
        return algorithm;
    }
}
