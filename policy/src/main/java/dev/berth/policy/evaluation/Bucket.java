package dev.berth.policy.evaluation;

import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.match.LiteralIndex;
import dev.berth.policy.match.Wildcard;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements whose action part admits one action, Deny statements first: once a Deny applies
 * the Allow statements cannot change the answer and are not tested. A small bucket is scanned; a
 * large one indexes its statements by the longest literal of each resource pattern, which every
 * matching resource must contain, so a request tests only statements whose literal occurs in it.
 */
final class Bucket {
    static final int SCAN_LIMIT = 16;
    private static final int SHORTEST_KEY = 4;

    private final Part denies;
    private final Part allows;

    private Bucket(Part denies, Part allows) {
        this.denies = denies;
        this.allows = allows;
    }

    static Bucket of(List<CompiledStatement> statements) {
        List<CompiledStatement> denies = new ArrayList<>();
        List<CompiledStatement> allows = new ArrayList<>();
        for (CompiledStatement statement : statements) {
            (statement.deny ? denies : allows).add(statement);
        }
        return new Bucket(Part.of(denies), Part.of(allows));
    }

    void collect(String resource, RequestContext context, Matches matches) {
        denies.collect(resource, context, matches);
        if (!matches.hasDenies()) {
            allows.collect(resource, context, matches);
        }
    }

    /** Statements of one effect, scanned or indexed by resource literal. */
    private record Part(CompiledStatement[] scanned, LiteralIndex<CompiledStatement> byLiteral) {

        static Part of(List<CompiledStatement> statements) {
            if (statements.size() <= SCAN_LIMIT) {
                return new Part(statements.toArray(CompiledStatement[]::new), null);
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
            return new Part(scanned.toArray(CompiledStatement[]::new), indexed ? index.build() : null);
        }

        void collect(String resource, RequestContext context, Matches matches) {
            for (CompiledStatement statement : scanned) {
                if (statement.appliesTo(resource, context)) {
                    matches.add(statement);
                }
            }
            if (byLiteral != null) {
                byLiteral.forEachOccurring(resource, statement -> {
                    if (statement.appliesTo(resource, context)) {
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
}
