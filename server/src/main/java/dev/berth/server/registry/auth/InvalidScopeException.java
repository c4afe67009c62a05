package dev.berth.server.registry.auth;

/** A Docker token scope that breaks the grammar; the message says which rule. */
public final class InvalidScopeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidScopeException(String message) {
        super(message);
    }
}
