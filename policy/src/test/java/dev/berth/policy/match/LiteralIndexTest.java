package dev.berth.policy.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiteralIndexTest {

    @Test
    void reportsEveryKeyOccurringInTheText() {
        LiteralIndex<String> index = LiteralIndex.<String>builder()
                .add("he", "he").add("she", "she").add("his", "his").add("hers", "hers").build();
        List<String> found = new ArrayList<>();
        index.forEachOccurring("ushers", found::add);
        assertThat(found).containsExactlyInAnyOrder("she", "he", "hers");
    }

    @Test
    void agreesWithSubstringSearchOnGeneratedKeys() {
        Random random = new Random(42L);
        for (int round = 0; round < 500; round++) {
            List<String> keys = new ArrayList<>();
            LiteralIndex.Builder<String> builder = LiteralIndex.builder();
            for (int k = 0; k < 1 + random.nextInt(30); k++) {
                String key = text(random, 1 + random.nextInt(5));
                keys.add(key);
                builder.add(key, key);
            }
            LiteralIndex<String> index = builder.build();
            String subject = text(random, random.nextInt(40));
            Set<String> expected = new HashSet<>();
            for (String key : keys) {
                if (subject.contains(key)) {
                    expected.add(key);
                }
            }
            Set<String> found = new HashSet<>();
            index.forEachOccurring(subject, found::add);
            assertThat(found).as("keys %s in `%s`", keys, subject).isEqualTo(expected);
        }
    }

    private static String text(Random random, int length) {
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < length; i++) {
            builder.append("abc".charAt(random.nextInt(3)));
        }
        return builder.toString();
    }
}
