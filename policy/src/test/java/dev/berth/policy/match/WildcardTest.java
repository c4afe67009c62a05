package dev.berth.policy.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardTest {

    @ParameterizedTest(name = "`{0}` against `{1}` is {2}")
    @CsvSource(delimiter = '|', value = {
            "*|''|true",
            "*|anything:at/all|true",
            "''|''|true",
            "''|a|false",
            "abc|abc|true",
            "abc|abcd|false",
            "a*|a|true",
            "*c|abc|true",
            "*c|abd|false",
            "a*c|ac|true",
            "a*c|a/b:c|true",
            "a?c|abc|true",
            "a?c|ac|false",
            "a?c|abbc|false",
            "??|ab|true",
            "??|abc|false",
            "*?*|''|false",
            "*?*|x|true",
            "a*b*c|aXbYc|true",
            "a*b*c|aXcYb|false",
            "a*a|a|false",
            "a*a|aa|true",
            "*ab*ab*|abab|true",
            "*ab*ab*|aba|false",
            "acs:cr:*:*:repository/juzhong/*|acs:cr:cn-hangzhou:1:repository/juzhong/nginx|true",
            "acs:cr:*:*:repository/juzhong/*|acs:cr:cn-hangzhou:1:repository/juzhong2/nginx|false",
            "acs:cr:*:*:repository/juzhong/*|acs:cr:cn-hangzhou:1:repository/juzhong|false",
    })
    void matchesLikeTheSpecSays(String pattern, String text, boolean expected) {
        assertThat(Wildcard.compile(pattern).matches(text)).isEqualTo(expected);
    }

    @Test
    void agreesWithARegularExpressionOnGeneratedInput() {
        Random random = new Random(20261123L);
        for (int round = 0; round < 20_000; round++) {
            String pattern = randomText(random, "ab*?", random.nextInt(12));
            String text = randomText(random, "abc", random.nextInt(14));
            boolean expected = toRegex(pattern).matcher(text).matches();
            assertThat(Wildcard.compile(pattern).matches(text)).as("`%s` against `%s`", pattern, text).isEqualTo(expected);
        }
    }

    @Test
    void longSegmentsAgreeWithARegularExpression() {
        Random random = new Random(7L);
        for (int round = 0; round < 2_000; round++) {
            String pattern = randomText(random, "aab?", 20 + random.nextInt(120)) + "*" + randomText(random, "ab?", 40 + random.nextInt(90))
                    + "*" + randomText(random, "ab", random.nextInt(4));
            String text = randomText(random, "ab", 100 + random.nextInt(300));
            boolean expected = toRegex(pattern).matcher(text).matches();
            assertThat(Wildcard.compile(pattern).matches(text)).as("`%s` against `%s`", pattern, text).isEqualTo(expected);
        }
    }

    @Test
    void nonAsciiTextMatchesLongMaskedSegments() {
        String pattern = "*" + "é?".repeat(40) + "*";
        assertThat(Wildcard.compile(pattern).matches("x" + "éz".repeat(40) + "y")).isTrue();
        assertThat(Wildcard.compile(pattern).matches("x" + "ez".repeat(40) + "y")).isFalse();
    }

    @Test
    void longestLiteralIsTheLongestRunWithoutWildcards() {
        assertThat(Wildcard.compile("acs:cr:*:*:repository/juzhong/*").longestLiteral()).isEqualTo(":repository/juzhong/");
        assertThat(Wildcard.compile("*").longestLiteral()).isEmpty();
        assertThat(Wildcard.compile("ab?cdef").longestLiteral()).isEqualTo("cdef");
    }

    @Test
    void aPathologicalPatternIsAnsweredWithoutBacktracking() {
        String pattern = "*a".repeat(3000) + "*b";
        String text = "a".repeat(6000);
        assertThat(Wildcard.compile(pattern).matches(text)).isFalse();
        assertThat(Wildcard.compile(pattern).matches(text + "b")).isTrue();
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < length; i++) {
            builder.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return builder.toString();
    }

    private static Pattern toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("(?s:.*)");
                case '?' -> regex.append("(?s:.)");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
