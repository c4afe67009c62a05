package dev.berth.policy.document;

import java.util.Optional;

/** The three kinds of policy document and their size limits (policy.md section 1). */
public enum DocumentKind {
    IDENTITY("identity", 6144),
    TRUST("trust", 4096),
    SESSION("session", 2048);

    private final String label;
    private final int sizeLimit;

    DocumentKind(String label, int sizeLimit) {
        this.label = label;
        this.sizeLimit = sizeLimit;
    }

    /** The name used on the command line and in case files: {@code identity}, {@code trust}, {@code session}. */
    public String label() {
        return label;
    }

    /** Characters allowed, counted with the whitespace outside JSON strings removed. */
    public int sizeLimit() {
        return sizeLimit;
    }

    /** Trust policies name principals; identity and session policies name resources. */
    public boolean namesPrincipals() {
        return this == TRUST;
    }

    public static Optional<DocumentKind> labelled(String label) {
        for (DocumentKind kind : values()) {
            if (kind.label.equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
