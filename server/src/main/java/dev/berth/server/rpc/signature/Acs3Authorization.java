package dev.berth.server.rpc.signature;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The {@code Authorization} header of a V3 request:
 * {@code ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<h1;h2>,Signature=<hex>}. The three
 * parts may come in any order (the Tea SDKs write this one, {@code aliyun-java-sdk-core} puts
 * {@code Signature} before {@code SignedHeaders}) and with spaces after the commas.
 *
 * @param signedHeaders the signed header names, lower-cased, sorted, each once
 */
record Acs3Authorization(AccessKeyId credential, List<String> signedHeaders, String signature) {
    static final String HEADER = "authorization";
    private static final String NAME = "Authorization";

    Acs3Authorization {
        Objects.requireNonNull(credential, "credential");
        signedHeaders = List.copyOf(signedHeaders);
        Objects.requireNonNull(signature, "signature");
    }

    static Acs3Authorization parse(String header) throws SigningRefusal {
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        String algorithm = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!algorithm.equals(SignatureVersion.V3.algorithm())) {
            throw SigningRefusal.invalid("SignatureMethod", "unsupported signature method `" + algorithm + "`");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : (space < 0 ? "" : trimmed.substring(space + 1)).split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw SigningRefusal.invalid(NAME, "malformed authorization part `" + part.strip() + "`");
            }
            if (parts.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip()) != null) {
                throw SigningRefusal.invalid(NAME, "authorization part `" + part.substring(0, equals).strip() + "` is repeated");
            }
        }
        AccessKeyId credential = ClaimedIdentity.accessKeyId(part(parts, "Credential"), "Credential");
        return new Acs3Authorization(credential, signedHeaders(part(parts, "SignedHeaders")), part(parts, "Signature"));
    }

    private static String part(Map<String, String> parts, String name) throws SigningRefusal {
        String value = parts.get(name);
        if (value == null || value.isEmpty()) {
            throw SigningRefusal.invalid(NAME, "authorization has no `" + name + "`");
        }
        return value;
    }

    private static List<String> signedHeaders(String list) throws SigningRefusal {
        TreeSet<String> names = new TreeSet<>();
        for (String name : list.split(";", -1)) {
            if (name.isBlank()) {
                throw SigningRefusal.invalid(NAME, "malformed `SignedHeaders` `" + list + "`");
            }
            names.add(name.strip().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }
}
