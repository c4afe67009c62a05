package dev.berth.policy.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements of one evaluation tier, viewed by action. The first request for an action finds
 * the statements whose {@code Action}/{@code NotAction} part admits it and keeps them as a bucket;
 * later requests for that action read the bucket and test only resources and conditions. Actions
 * come from a small, fixed vocabulary, so the views stay few; past {@link #MAXIMUM_VIEWS} a view is
 * built for the request and not kept. Safe to share between threads.
 */
final class StatementIndex {
    static final StatementIndex EMPTY = new StatementIndex(List.of());
    static final int MAXIMUM_VIEWS = 4096;

    private final List<CompiledStatement> statements;
    private final Map<String, Bucket> views = new ConcurrentHashMap<>();

    private StatementIndex(List<CompiledStatement> statements) {
        this.statements = statements;
    }

    static StatementIndex of(List<CompiledStatement> statements) {
        return statements.isEmpty() ? EMPTY : new StatementIndex(List.copyOf(statements));
    }

    /** Adds every statement of the tier that applies to the request. */
    void collect(Request request, Matches matches) {
        if (statements.isEmpty()) {
            return;
        }
        String action = request.action().normalized();
        Bucket bucket = views.get(action);
        if (bucket == null) {
            bucket = view(action);
            if (views.size() < MAXIMUM_VIEWS) {
                views.putIfAbsent(action, bucket);
            }
        }
        bucket.collect(request.resource().value(), request.context(), matches);
    }

    private Bucket view(String action) {
        List<CompiledStatement> admitting = new ArrayList<>();
        for (CompiledStatement statement : statements) {
            if (statement.actions().admits(action)) {
                admitting.add(statement);
            }
        }
        return Bucket.of(admitting);
    }
}
