package dev.berth.server.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What an action answers: the fields after {@code RequestId}, in order (values: strings, numbers, booleans, maps, lists). */
public record RpcAnswer(Map<String, Object> fields) {
    public RpcAnswer {
        Objects.requireNonNull(fields, "fields");
        fields = new LinkedHashMap<>(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        public Builder put(String name, Object value) {
            fields.put(name, value);
            return this;
        }

        public RpcAnswer build() {
            return new RpcAnswer(fields);
        }
    }
}
