package dev.berth.registry.content;

/** A digest that is not well formed or names an algorithm the registry does not support. */
public final class InvalidDigestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidDigestException(String message) {
        super(message);
    }
}
