package dev.berth.iam.store;

/** The store failed for a reason that is not the caller's; the edges answer {@code InternalError}. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
