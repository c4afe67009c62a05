package dev.berth.policy.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated and mutated input for the parser: whatever comes in, the answer is a document or a
 * {@link MalformedPolicyDocumentException} whose problems are plain messages. Any other exception
 * fails the test.
 */
class PolicyDocumentFuzzTest {
    private static final List<String> SEEDS = List.of(
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"cr:Get*\",\"cr:List*\",\"cr:PullRepository\"],\"Resource\":[\"acs:cr:*:*:repository/juzhong/*\"]}]}",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"cr:Delete*\",\"NotResource\":\"*\",\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":[\"10.0.0.0/8\",\"2001:db8::/32\"]},\"DateLessThan\":{\"acs:CurrentTime\":\"2026-12-31T23:59:59+08:00\"},\"NumericLessThan\":{\"cr:Count\":[1.5,\"2\"]},\"Bool\":{\"acs:SecureTransport\":true}}}]}",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::1000000000000719:user/Alice\"],\"Service\":\"cr.aliyuncs.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"abc\"}}}]}",
            "{\"Version\":\"1\",\"Statement\":{\"Sid\":\"one\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{}}}");
    private static final String VOCABULARY = "{}[]\":,*?/ \\0123456789.-+eEtrufalsnAlowDenyVersionStatementActionResourceCondition";
    private static final List<String> FORBIDDEN = List.of("java.", "Exception", "com.fasterxml", "jackson", "null pointer");

    @Test
    void mutatedDocumentsAreReadOrRefusedWithPlainMessages() {
        Random random = new Random(11L);
        for (int round = 0; round < 60_000; round++) {
            String text = SEEDS.get(random.nextInt(SEEDS.size()));
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                text = mutate(text, random);
            }
            check(text, DocumentKind.values()[random.nextInt(3)]);
        }
    }

    @Test
    void generatedJsonIsReadOrRefusedWithPlainMessages() {
        Random random = new Random(12L);
        for (int round = 0; round < 30_000; round++) {
            check(value(random, 0), DocumentKind.values()[random.nextInt(3)]);
        }
    }

    @Test
    void arbitraryCharactersAreRefusedWithPlainMessages() {
        Random random = new Random(13L);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : VOCABULARY.charAt(random.nextInt(VOCABULARY.length())));
            }
            check(text.toString(), DocumentKind.values()[random.nextInt(3)]);
        }
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        check("[".repeat(5000), DocumentKind.IDENTITY);
        check("{\"Version\":\"1\",\"Statement\":" + "[".repeat(2000) + "]".repeat(2000) + "}", DocumentKind.IDENTITY);
    }

    private static void check(String text, DocumentKind kind) {
        try {
            PolicyDocumentReader.read(text, kind);
        } catch (MalformedPolicyDocumentException e) {
            assertThat(e.problems()).isNotEmpty();
            for (String problem : e.problems()) {
                assertThat(problem).as("problem for `%s`", text).isNotBlank();
                for (String forbidden : FORBIDDEN) {
                    assertThat(problem).as("problem for `%s`", text).doesNotContainIgnoringCase(forbidden);
                }
            }
        }
    }

    private static String mutate(String text, Random random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        char c = VOCABULARY.charAt(random.nextInt(VOCABULARY.length()));
        return switch (random.nextInt(5)) {
            case 0 -> text.substring(0, at) + c + text.substring(at);
            case 1 -> text.isEmpty() ? text : text.substring(0, at) + text.substring(at + 1);
            case 2 -> text.isEmpty() ? text : text.substring(0, at) + c + text.substring(at + 1);
            case 3 -> {
                int end = Math.min(text.length(), at + random.nextInt(12));
                yield text.substring(0, at) + text.substring(end);
            }
            default -> {
                int end = Math.min(text.length(), at + random.nextInt(20));
                String piece = text.substring(at, end);
                int to = random.nextInt(text.length() + 1);
                yield text.substring(0, to) + piece + text.substring(to);
            }
        };
    }

    private static String value(Random random, int depth) {
        List<String> keys = List.of("Version", "Statement", "Effect", "Action", "NotAction", "Resource", "NotResource",
                "Principal", "Condition", "Sid", "RAM", "Service", "Federated", "StringLike", "IpAddress", "DateEquals",
                "NumericEquals", "Bool", "acs:SourceIp", "x");
        List<String> scalars = List.of("\"1\"", "\"Allow\"", "\"Deny\"", "\"*\"", "\"cr:*\"", "\"acs:cr:*:*:repository/a/*\"",
                "1", "-2.5e3", "true", "null", "\"10.0.0.0/8\"", "\"2026-11-22\"", "\"acs:ram::1:root\"", "\"\"", "\"?\"");
        int choice = depth > 5 ? 2 : random.nextInt(3);
        if (choice == 0) {
            StringBuilder object = new StringBuilder("{");
            for (int i = random.nextInt(4); i > 0; i--) {
                object.append('"').append(keys.get(random.nextInt(keys.size()))).append("\":").append(value(random, depth + 1));
                if (i > 1) {
                    object.append(',');
                }
            }
            return object.append('}').toString();
        }
        if (choice == 1) {
            StringBuilder array = new StringBuilder("[");
            for (int i = random.nextInt(4); i > 0; i--) {
                array.append(value(random, depth + 1));
                if (i > 1) {
                    array.append(',');
                }
            }
            return array.append(']').toString();
        }
        return scalars.get(random.nextInt(scalars.size()));
    }
}
