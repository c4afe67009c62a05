package dev.berth.iam.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GenerationCacheTest {

    @Test
    void aValueIsFoundAtTheGenerationItWasReadAtOnly() {
        GenerationCache<String, String> cache = new GenerationCache<>(10);
        cache.put("alice", 7, "policies of alice");

        assertThat(cache.get("alice", 7)).contains("policies of alice");
        assertThat(cache.get("alice", 8)).as("a newer generation").isEmpty();
        assertThat(cache.get("alice", 6)).as("an older generation").isEmpty();
        assertThat(cache.get("bob", 7)).as("a key never kept").isEmpty();
    }

    @Test
    void aValueReadAtANewerGenerationReplacesTheOlderOne() {
        GenerationCache<String, String> cache = new GenerationCache<>(10);
        cache.put("alice", 7, "before");
        cache.put("alice", 8, "after");

        assertThat(cache.get("alice", 8)).contains("after");
        assertThat(cache.get("alice", 7)).isEmpty();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aFullCacheStartsOverButKeepsReplacingItsOwnKeys() {
        GenerationCache<Integer, String> cache = new GenerationCache<>(3);
        cache.put(1, 1, "one");
        cache.put(2, 1, "two");
        cache.put(3, 1, "three");
        cache.put(3, 2, "three again");
        assertThat(cache.size()).as("a key already kept does not empty a full cache").isEqualTo(3);

        cache.put(4, 2, "four");

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get(1, 1)).isEmpty();
        assertThat(cache.get(4, 2)).contains("four");
    }

    @Test
    void aCacheHoldsAtLeastOneValue() {
        assertThatThrownBy(() -> new GenerationCache<String, String>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
