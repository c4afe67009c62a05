package dev.berth.server.rpc.signature;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The canonical query both signatures sign: parameters sorted by name, then by value (as the SDKs
 * sort them, by the names' characters before encoding), each as {@code encode(name)=encode(value)},
 * joined by {@code &}. A parameter with an empty value is {@code name=}.
 */
final class CanonicalQuery {
    private static final Comparator<Map.Entry<String, String>> ORDER =
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());

    private CanonicalQuery() {
    }

    static String of(List<Map.Entry<String, String>> parameters) {
        return parameters.stream()
                .sorted(ORDER)
                .map(entry -> PercentEncoding.encode(entry.getKey()) + "=" + PercentEncoding.encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }
}
