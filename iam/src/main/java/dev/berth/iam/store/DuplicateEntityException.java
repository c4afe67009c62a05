package dev.berth.iam.store;

/** An entity with that name or id already exists; the edges answer {@code EntityAlreadyExists.*}. */
public final class DuplicateEntityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DuplicateEntityException(String message, Throwable cause) {
        super(message, cause);
    }
}
