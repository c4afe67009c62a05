package dev.berth.server.config;

/** Configuration that cannot start the server; the message says which key and why. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
