package dev.berth.policy.document;

import java.util.List;

/**
 * A document is not valid (policy.md section 1). Each problem says where and what; the message
 * joins them. This is the only exception that reading a document may throw.
 */
public final class MalformedPolicyDocumentException extends Exception {
    public static final String CODE = "MalformedPolicyDocument";
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public MalformedPolicyDocumentException(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a malformed document has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
