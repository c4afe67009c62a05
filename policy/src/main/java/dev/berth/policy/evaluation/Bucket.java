package dev.berth.policy.evaluation;

import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.match.LiteralIndex;
import dev.berth.policy.match.Wildcard;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements reachable from one action key. A small bucket is scanned; a large one indexes its
 * statements by the longest literal of each resource pattern, which every matching resource must
 * contain, so a request tests only the statements whose literals occur in its resource.
 */
final class Bucket {
    static final int SCAN_LIMIT = 16;
    private static final int SHORTEST_KEY = 4;

    private final CompiledStatement[] scanned;
    private final LiteralIndex<CompiledStatement> byLiteral;

    private Bucket(CompiledStatement[] scanned, LiteralIndex<CompiledStatement> byLiteral) {
        this.scanned = scanned;
        this.byLiteral = byLiteral;
    }

    static Bucket of(List<CompiledStatement> statements) {
        if (statements.size() <= SCAN_LIMIT) {
            return new Bucket(statements.toArray(CompiledStatement[]::new), null);
        }
        List<CompiledStatement> scanned = new ArrayList<>();
        LiteralIndex.Builder<CompiledStatement> index = LiteralIndex.builder();
        boolean indexed = false;
        for (CompiledStatement statement : statements) {
            if (isIndexable(statement)) {
                for (Wildcard pattern : statement.resources().patterns()) {
                    index.add(pattern.longestLiteral(), statement);
                }
                indexed = true;
            } else {
                scanned.add(statement);
            }
        }
        return new Bucket(scanned.toArray(CompiledStatement[]::new), indexed ? index.build() : null);
    }

    void collect(String action, String resource, RequestContext context, Matches matches) {
        for (CompiledStatement statement : scanned) {
            if (statement.applies(action, resource, context)) {
                matches.add(statement);
            }
        }
        if (byLiteral != null) {
            byLiteral.forEachOccurring(resource, statement -> {
                if (statement.applies(action, resource, context)) {
                    matches.add(statement);
                }
            });
        }
    }

    private static boolean isIndexable(CompiledStatement statement) {
        if (statement.resources().negated()) {
            return false;
        }
        for (Wildcard pattern : statement.resources().patterns()) {
            if (pattern.longestLiteral().length() < SHORTEST_KEY) {
                return false;
            }
        }
        return true;
    }
}
