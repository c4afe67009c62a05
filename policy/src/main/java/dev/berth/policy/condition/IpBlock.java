package dev.berth.policy.condition;

import java.util.Optional;

/**
 * An IPv4 or IPv6 address or CIDR block. Addresses are held as 128 bits; an IPv4 block matches
 * IPv4 addresses only (an IPv4-mapped IPv6 address such as {@code ::ffff:10.0.0.1} counts as IPv4),
 * an IPv6 block IPv6 addresses only. Host bits set under the prefix are ignored.
 */
public record IpBlock(boolean ipv6, long high, long low, int prefix) {

    /** Reads {@code address} or {@code address/prefix}; empty when it is neither. */
    public static Optional<IpBlock> parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        Optional<IpBlock> parsed = parseAddress(address);
        if (parsed.isEmpty() || slash < 0) {
            return parsed;
        }
        IpBlock host = parsed.get();
        String digits = text.substring(slash + 1);
        int maximum = host.ipv6 ? 128 : 32;
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(IpBlock::isDigit)
                || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(digits);
        if (prefix > maximum) {
            return Optional.empty();
        }
        int bits = host.ipv6 ? prefix : prefix + 96;
        return Optional.of(new IpBlock(host.ipv6, host.high & highMask(bits), host.low & lowMask(bits), prefix));
    }

    /** Whether {@code address} (an address, not a block) lies in this block. */
    public boolean contains(IpBlock address) {
        if (address.ipv6 != ipv6) {
            return false;
        }
        int bits = ipv6 ? prefix : prefix + 96;
        return (address.high & highMask(bits)) == high && (address.low & lowMask(bits)) == low;
    }

    private static long highMask(int bits) {
        return bits >= 64 ? -1L : bits == 0 ? 0L : -1L << (64 - bits);
    }

    private static long lowMask(int bits) {
        return bits <= 64 ? 0L : bits >= 128 ? -1L : -1L << (128 - bits);
    }

    private static Optional<IpBlock> parseAddress(String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        long v4 = parseIpv4(text, 0, text.length());
        return v4 < 0 ? Optional.empty() : Optional.of(new IpBlock(false, 0L, 0xFFFF_0000_0000L | v4, 32));
    }

    /** The 32-bit value of a dotted quad in {@code text[from, to)}, or -1. */
    private static long parseIpv4(String text, int from, int to) {
        long value = 0;
        int parts = 0;
        int position = from;
        while (parts < 4) {
            int start = position;
            int octet = 0;
            while (position < to && isDigit(text.charAt(position)) && position - start < 3) {
                octet = octet * 10 + text.charAt(position) - '0';
                position++;
            }
            int length = position - start;
            if (length == 0 || octet > 255 || (length > 1 && text.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | octet;
            parts++;
            if (parts < 4) {
                if (position >= to || text.charAt(position) != '.') {
                    return -1;
                }
                position++;
            }
        }
        return position == to ? value : -1;
    }

    private static Optional<IpBlock> parseIpv6(String text) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int position = 0;
        int length = text.length();
        if (text.startsWith("::")) {
            gap = 0;
            position = 2;
        } else if (text.startsWith(":")) {
            return Optional.empty();
        }
        while (position < length) {
            if (count == 8) {
                return Optional.empty();
            }
            int start = position;
            int value = 0;
            while (position < length && position - start < 4 && Character.digit(text.charAt(position), 16) >= 0) {
                value = (value << 4) | Character.digit(text.charAt(position), 16);
                position++;
            }
            if (position < length && text.charAt(position) == '.') {
                if (count > 6) {
                    return Optional.empty();
                }
                long v4 = parseIpv4(text, start, length);
                if (v4 < 0) {
                    return Optional.empty();
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                position = length;
                break;
            }
            if (position == start) {
                return Optional.empty();
            }
            groups[count++] = value;
            if (position == length) {
                break;
            }
            if (text.charAt(position) != ':') {
                return Optional.empty();
            }
            position++;
            if (position < length && text.charAt(position) == ':') {
                if (gap >= 0) {
                    return Optional.empty();
                }
                gap = count;
                position++;
            } else if (position == length) {
                return Optional.empty();
            }
        }
        if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
            return Optional.empty();
        }
        int[] full = groups;
        if (gap >= 0) {
            full = new int[8];
            int trailing = count - gap;
            for (int i = 0; i < gap; i++) {
                full[i] = groups[i];
            }
            for (int i = 0; i < trailing; i++) {
                full[8 - trailing + i] = groups[gap + i];
            }
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | full[i];
            low = (low << 16) | full[i + 4];
        }
        boolean mapped = high == 0 && (low >>> 32) == 0xFFFFL;
        return Optional.of(new IpBlock(!mapped, high, low, mapped ? 32 : 128));
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
