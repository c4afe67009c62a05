package dev.berth.policy.condition;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The condition keys of a request and their values (policy.md section 3). Keys compare
 * case-insensitively; a key may carry several values.
 */
public final class RequestContext {
    private static final RequestContext EMPTY = new RequestContext(Map.of());

    private final Map<String, List<String>> values;

    private RequestContext(Map<String, List<String>> values) {
        this.values = values;
    }

    public static RequestContext empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The values of {@code normalizedKey} (lower case), empty when the key is absent. */
    public List<String> valuesOf(String normalizedKey) {
        return values.getOrDefault(normalizedKey, List.of());
    }

    public Map<String, List<String>> asMap() {
        return values;
    }

    /** A copy with {@code key} set to {@code value}, replacing what it had. */
    public RequestContext with(String key, String value) {
        Map<String, List<String>> copy = new HashMap<>(values);
        copy.put(normalize(key), List.of(value));
        return new RequestContext(Map.copyOf(copy));
    }

    public static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return values.toString();
    }

    public static final class Builder {
        private final Map<String, List<String>> values = new HashMap<>();

        private Builder() {
        }

        public Builder put(String key, String value) {
            Objects.requireNonNull(value, "value");
            values.put(normalize(key), List.of(value));
            return this;
        }

        public Builder put(String key, List<String> keyValues) {
            values.put(normalize(key), List.copyOf(keyValues));
            return this;
        }

        public RequestContext build() {
            return values.isEmpty() ? EMPTY : new RequestContext(Map.copyOf(values));
        }
    }
}
