package dev.berth.iam.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomTextTest {
    @Test
    void textHasTheLengthAskedAndOnlyCharactersOfTheAlphabet() {
        String text = RandomText.of(new SecureRandom(), "abc", 1000);
        assertThat(text).hasSize(1000).matches("[abc]+");
    }

    @Test
    void everyCharacterOfASixtyTwoLetterAlphabetComesAboutAsOften() {
        String text = RandomText.of(new SecureRandom(), RandomText.LETTERS_AND_DIGITS, 620_000);
        Map<Character, Integer> counts = new HashMap<>();
        text.chars().forEach(c -> counts.merge((char) c, 1, Integer::sum));
        assertThat(counts).hasSize(62);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(9_000, 11_000));
    }
}
