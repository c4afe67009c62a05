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

    private final Map<String, ContextValue> values;

    private RequestContext(Map<String, ContextValue> values) {
        this.values = values;
    }

    public static RequestContext empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The values of {@code normalizedKey} (lower case), or null when the key is absent. */
    ContextValue valueOf(String normalizedKey) {
        return values.get(normalizedKey);
    }

    /** A copy with {@code key} set to {@code value}, replacing what it had. */
    public RequestContext with(String key, String value) {
        Map<String, ContextValue> copy = new HashMap<>(values);
        copy.put(normalize(key), new ContextValue(List.of(value)));
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
        private final Map<String, ContextValue> values = new HashMap<>();

        private Builder() {
        }

        public Builder put(String key, String value) {
            Objects.requireNonNull(value, "value");
            values.put(normalize(key), new ContextValue(List.of(value)));
            return this;
        }

        public Builder put(String key, List<String> keyValues) {
            values.put(normalize(key), new ContextValue(keyValues));
            return this;
        }

        public RequestContext build() {
            return values.isEmpty() ? EMPTY : new RequestContext(Map.copyOf(values));
        }
    }
}
