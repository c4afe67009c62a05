package dev.berth.policy.evaluation;

import dev.berth.policy.match.Wildcard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of one evaluation tier, indexed by action: a literal action pattern files its
 * statement under that action, a pattern with a wildcard only in its name under its service, and
 * {@code *} or a {@code NotAction} list under every action. A request reads three buckets.
 */
final class StatementIndex {
    static final StatementIndex EMPTY = new StatementIndex(Map.of(), Map.of(), Bucket.of(List.of()));

    private final Map<String, Bucket> byAction;
    private final Map<String, Bucket> byService;
    private final Bucket everyAction;

    private StatementIndex(Map<String, Bucket> byAction, Map<String, Bucket> byService, Bucket everyAction) {
        this.byAction = byAction;
        this.byService = byService;
        this.everyAction = everyAction;
    }

    static StatementIndex of(List<CompiledStatement> statements) {
        Map<String, List<CompiledStatement>> byAction = new LinkedHashMap<>();
        Map<String, List<CompiledStatement>> byService = new LinkedHashMap<>();
        List<CompiledStatement> everyAction = new ArrayList<>();
        for (CompiledStatement statement : statements) {
            if (statement.actions().negated()) {
                everyAction.add(statement);
                continue;
            }
            for (Wildcard pattern : statement.actions().patterns()) {
                String text = pattern.pattern();
                int colon = text.indexOf(':');
                if (pattern.isLiteral()) {
                    fileOnce(byAction, text, statement);
                } else if (colon > 0 && Wildcard.compile(text.substring(0, colon)).isLiteral()) {
                    fileOnce(byService, text.substring(0, colon), statement);
                } else if (!everyAction.contains(statement)) {
                    everyAction.add(statement);
                }
            }
        }
        return new StatementIndex(buckets(byAction), buckets(byService), Bucket.of(everyAction));
    }

    /** Adds every statement of the tier that applies to the request. */
    void collect(Request request, Matches matches) {
        String action = request.action().normalized();
        String resource = request.resource().value();
        Bucket exact = byAction.get(action);
        if (exact != null) {
            exact.collect(action, resource, request.context(), matches);
        }
        Bucket service = byService.get(request.action().service());
        if (service != null) {
            service.collect(action, resource, request.context(), matches);
        }
        everyAction.collect(action, resource, request.context(), matches);
    }

    private static void fileOnce(Map<String, List<CompiledStatement>> map, String key, CompiledStatement statement) {
        List<CompiledStatement> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.isEmpty() || list.getLast() != statement) {
            list.add(statement);
        }
    }

    private static Map<String, Bucket> buckets(Map<String, List<CompiledStatement>> lists) {
        Map<String, Bucket> buckets = new HashMap<>();
        lists.forEach((key, list) -> buckets.put(key, Bucket.of(list)));
        return Map.copyOf(buckets);
    }
}
