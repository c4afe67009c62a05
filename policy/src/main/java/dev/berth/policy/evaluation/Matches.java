package dev.berth.policy.evaluation;

import java.util.ArrayList;
import java.util.List;

/** The statements of one tier that apply to a request, each once. */
final class Matches {
    private List<CompiledStatement> denies = List.of();
    private List<CompiledStatement> allows = List.of();

    void add(CompiledStatement statement) {
        if (statement.deny) {
            denies = addOnce(denies, statement);
        } else {
            allows = addOnce(allows, statement);
        }
    }

    boolean hasDenies() {
        return !denies.isEmpty();
    }

    boolean hasAllows() {
        return !allows.isEmpty();
    }

    List<DecidingStatement> denies() {
        return references(denies);
    }

    List<DecidingStatement> allows() {
        return references(allows);
    }

    private static List<CompiledStatement> addOnce(List<CompiledStatement> list, CompiledStatement statement) {
        List<CompiledStatement> target = list.isEmpty() ? new ArrayList<>(2) : list;
        for (int i = 0, n = target.size(); i < n; i++) {
            if (target.get(i) == statement) {
                return target;
            }
        }
        target.add(statement);
        return target;
    }

    private static List<DecidingStatement> references(List<CompiledStatement> statements) {
        List<DecidingStatement> references = new ArrayList<>(statements.size());
        for (CompiledStatement statement : statements) {
            references.add(statement.reference);
        }
        return references;
    }
}
