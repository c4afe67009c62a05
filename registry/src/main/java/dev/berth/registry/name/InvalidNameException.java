package dev.berth.registry.name;

/** A name, tag or id that breaks its grammar; the message says which rule. */
public final class InvalidNameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidNameException(String message) {
        super(message);
    }
}
