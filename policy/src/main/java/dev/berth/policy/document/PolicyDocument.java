package dev.berth.policy.document;

import java.util.List;
import java.util.Objects;

/** A valid, compiled policy document of one kind, with its size as policy.md section 1 counts it. */
public record PolicyDocument(DocumentKind kind, List<Statement> statements, int size) {
    public PolicyDocument {
        Objects.requireNonNull(kind, "kind");
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a document has at least one statement");
        }
    }
}
