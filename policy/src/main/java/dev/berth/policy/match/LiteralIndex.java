package dev.berth.policy.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An Aho-Corasick automaton over a set of literal keys, each carrying values: one pass over a text
 * reports the values of every key that occurs in it, in time linear in the text plus the number of
 * reports, however many keys there are. Immutable once built.
 *
 * @param <T> what a key carries
 */
public final class LiteralIndex<T> {
    private final char[][] edgeCharacters;
    private final int[][] edgeTargets;
    private final int[] failure;
    /** The nearest node on the failure chain (excluding the node itself) that ends a key, or -1. */
    private final int[] nextOutput;
    private final Object[][] values;

    private LiteralIndex(char[][] edgeCharacters, int[][] edgeTargets, int[] failure, int[] nextOutput,
                         Object[][] values) {
        this.edgeCharacters = edgeCharacters;
        this.edgeTargets = edgeTargets;
        this.failure = failure;
        this.nextOutput = nextOutput;
        this.values = values;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Calls {@code sink} with the values of every key occurring in {@code text}, once per occurrence. */
    @SuppressWarnings("unchecked")
    public void forEachOccurring(String text, Consumer<? super T> sink) {
        int node = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int next = step(node, c);
            while (next < 0 && node != 0) {
                node = failure[node];
                next = step(node, c);
            }
            node = next < 0 ? 0 : next;
            for (int output = values[node] != null ? node : nextOutput[node]; output >= 0; output = nextOutput[output]) {
                for (Object value : values[output]) {
                    sink.accept((T) value);
                }
            }
        }
    }

    private int step(int node, char c) {
        char[] characters = edgeCharacters[node];
        if (characters.length <= 8) {
            for (int k = 0; k < characters.length; k++) {
                if (characters[k] == c) {
                    return edgeTargets[node][k];
                }
            }
            return -1;
        }
        int k = Arrays.binarySearch(characters, c);
        return k >= 0 ? edgeTargets[node][k] : -1;
    }

    public static final class Builder<T> {
        private final List<TreeMap<Character, Integer>> children = new ArrayList<>();
        private final List<List<Object>> keyValues = new ArrayList<>();

        private Builder() {
            newNode();
        }

        /** Adds {@code value} under the non-empty literal {@code key}. */
        public Builder<T> add(String key, T value) {
            if (key.isEmpty()) {
                throw new IllegalArgumentException("an index key must not be empty");
            }
            int node = 0;
            for (int i = 0; i < key.length(); i++) {
                Integer next = children.get(node).get(key.charAt(i));
                if (next == null) {
                    next = newNode();
                    children.get(node).put(key.charAt(i), next);
                }
                node = next;
            }
            if (keyValues.get(node) == null) {
                keyValues.set(node, new ArrayList<>());
            }
            keyValues.get(node).add(value);
            return this;
        }

        public LiteralIndex<T> build() {
            int size = children.size();
            char[][] edgeCharacters = new char[size][];
            int[][] edgeTargets = new int[size][];
            Object[][] values = new Object[size][];
            for (int node = 0; node < size; node++) {
                TreeMap<Character, Integer> edges = children.get(node);
                edgeCharacters[node] = new char[edges.size()];
                edgeTargets[node] = new int[edges.size()];
                int k = 0;
                for (Map.Entry<Character, Integer> edge : edges.entrySet()) {
                    edgeCharacters[node][k] = edge.getKey();
                    edgeTargets[node][k++] = edge.getValue();
                }
                values[node] = keyValues.get(node) == null ? null : keyValues.get(node).toArray();
            }
            int[] failure = new int[size];
            int[] nextOutput = new int[size];
            nextOutput[0] = -1;
            Queue<Integer> queue = new ArrayDeque<>();
            for (int child : edgeTargets[0]) {
                failure[child] = 0;
                nextOutput[child] = -1;
                queue.add(child);
            }
            while (!queue.isEmpty()) {
                int node = queue.remove();
                for (int k = 0; k < edgeCharacters[node].length; k++) {
                    char c = edgeCharacters[node][k];
                    int child = edgeTargets[node][k];
                    int fallback = failure[node];
                    int target = targetOf(edgeCharacters, edgeTargets, fallback, c);
                    while (target < 0 && fallback != 0) {
                        fallback = failure[fallback];
                        target = targetOf(edgeCharacters, edgeTargets, fallback, c);
                    }
                    failure[child] = target < 0 || target == child ? 0 : target;
                    int via = failure[child];
                    nextOutput[child] = values[via] != null && via != 0 ? via : nextOutput[via];
                    queue.add(child);
                }
            }
            return new LiteralIndex<>(edgeCharacters, edgeTargets, failure, nextOutput, values);
        }

        private static int targetOf(char[][] edgeCharacters, int[][] edgeTargets, int node, char c) {
            int k = Arrays.binarySearch(edgeCharacters[node], c);
            return k >= 0 ? edgeTargets[node][k] : -1;
        }

        private int newNode() {
            children.add(new TreeMap<>());
            keyValues.add(null);
            return children.size() - 1;
        }
    }
}
