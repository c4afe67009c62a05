package dev.berth.registry.store;

/** An entry with that key already exists (a unique constraint of the store said no). */
public final class DuplicateKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
