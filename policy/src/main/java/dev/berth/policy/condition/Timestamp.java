package dev.berth.policy.condition;

import java.util.Optional;

/**
 * An instant read from ISO 8601 text (policy.md section 3): {@code 2026-11-22T10:00:00Z}, with
 * optional fractional seconds, with {@code Z} or an offset {@code +08:00}/{@code +0800}/{@code +08},
 * or a date alone, which means midnight UTC. Anything else is not a date. Hand-written because this
 * runs on every date condition of every request.
 */
public record Timestamp(long epochSecond, int nanos) implements Comparable<Timestamp> {

    public static Optional<Timestamp> parse(String text) {
        int length = text.length();
        if (length < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return Optional.empty();
        }
        long days = epochDay(year, month, day);
        if (length == 10) {
            return Optional.of(new Timestamp(days * 86_400L, 0));
        }
        if (length < 17 || text.charAt(10) != 'T' || text.charAt(13) != ':') {
            return Optional.empty();
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return Optional.empty();
        }
        int position = 16;
        int second = 0;
        int nanos = 0;
        if (text.charAt(position) == ':') {
            second = digits(text, position + 1, 2);
            if (second < 0 || second > 59) {
                return Optional.empty();
            }
            position += 3;
            if (position < length && text.charAt(position) == '.') {
                int start = ++position;
                while (position < length && isDigit(text.charAt(position))) {
                    if (position - start < 9) {
                        nanos = nanos * 10 + text.charAt(position) - '0';
                    }
                    position++;
                }
                int count = position - start;
                if (count == 0) {
                    return Optional.empty();
                }
                for (int i = count; i < 9; i++) {
                    nanos *= 10;
                }
            }
        }
        int offsetSeconds = offset(text, position);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return Optional.empty();
        }
        long seconds = days * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return Optional.of(new Timestamp(seconds, nanos));
    }

    @Override
    public int compareTo(Timestamp other) {
        int bySeconds = Long.compare(epochSecond, other.epochSecond);
        return bySeconds != 0 ? bySeconds : Integer.compare(nanos, other.nanos);
    }

    /** The offset in seconds written from {@code position} to the end, or MIN_VALUE. */
    private static int offset(String text, int position) {
        int remaining = text.length() - position;
        if (remaining == 1 && text.charAt(position) == 'Z') {
            return 0;
        }
        if (remaining != 3 && remaining != 5 && remaining != 6) {
            return Integer.MIN_VALUE;
        }
        char sign = text.charAt(position);
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, position + 1, 2);
        int minutes = 0;
        if (remaining == 5) {
            minutes = digits(text, position + 3, 2);
        } else if (remaining == 6) {
            minutes = text.charAt(position + 3) == ':' ? digits(text, position + 4, 2) : -1;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int total = hours * 3_600 + minutes * 60;
        return sign == '+' ? total : -total;
    }

    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
