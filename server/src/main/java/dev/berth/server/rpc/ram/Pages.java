package dev.berth.server.rpc.ram;

import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Paging of RAM lists (iam-api.md section 4): {@code MaxItems} 1-1000 (default 100) items after
 * {@code Marker}, the lower-case name of the last item of the previous page; the answer says
 * {@code IsTruncated} and gives the next {@code Marker}.
 */
final class Pages {
    private Pages() {
    }

    /** An answer holding one page of {@code items} (in any order: they are sorted by name here). */
    static <T> RpcAnswer answer(RpcCall call, List<T> items, Function<T, String> name, Function<T, Map<String, Object>> render,
                                String outer, String inner) {
        int maxItems = RamParameters.maxItems(call);
        String marker = call.nonEmpty("Marker").orElse("");
        List<T> after = items.stream()
                .filter(item -> key(name.apply(item)).compareTo(marker) > 0)
                .sorted((a, b) -> key(name.apply(a)).compareTo(key(name.apply(b))))
                .toList();
        boolean truncated = after.size() > maxItems;
        List<T> page = truncated ? after.subList(0, maxItems) : after;
        return RpcAnswer.builder()
                .put("IsTruncated", truncated)
                .put("Marker", truncated ? key(name.apply(page.getLast())) : "")
                .put(outer, Map.of(inner, page.stream().map(render).toList()))
                .build();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
