package dev.berth.server.rpc.signature;

import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding both signatures use (iam-api.md section 3; RFC 3986): the UTF-8 bytes of the
 * text, {@code A-Za-z0-9-_.~} kept, every other byte as {@code %XX} in upper-case hex, so a space is
 * {@code %20} and {@code *} is {@code %2A}. The same as the SDKs'
 * {@code URLEncoder.encode(...).replace("+", "%20").replace("*", "%2A").replace("%7E", "~")}.
 */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    public static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
