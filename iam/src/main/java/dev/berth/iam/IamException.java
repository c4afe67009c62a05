package dev.berth.iam;

import java.util.Objects;

/**
 * A refusal of the identity domain, free of any protocol: each edge maps the kind to its own
 * catalog (the RPC edge to {@code EntityNotExist.User}, {@code LimitExceeded.User}, ...).
 */
public final class IamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind { NOT_FOUND, ALREADY_EXISTS, LIMIT_EXCEEDED, DELETE_CONFLICT, INVALID, MALFORMED_POLICY_DOCUMENT, NOT_PERMITTED, THROTTLED }

    private final Kind kind;
    private final String subject;

    /**
     * @param subject the entity or parameter concerned, as the protocol names it ({@code User},
     *                {@code User.AccessKey}, {@code DisplayName})
     */
    public IamException(Kind kind, String subject, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    public Kind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }
}
