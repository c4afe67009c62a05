package dev.berth.server.rpc.error;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An error as the RPC edge answers it: its catalog entry, the name that completes a family's code
 * (empty for an exact code) and a message (short, lower case, user values in backticks).
 */
public record RpcError(RpcErrorCode code, String name, String message) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public RpcError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        switch (code.shape()) {
            case EXACT -> {
                if (!name.isEmpty()) {
                    throw new IllegalArgumentException("code `" + code.code() + "` takes no name, got `" + name + "`");
                }
            }
            case FAMILY -> {
                if (!isValidName(name)) {
                    throw new IllegalArgumentException("code `" + code.code() + "` needs a name, got `" + name + "`");
                }
            }
        }
    }

    /** An error with an exact code. */
    public static RpcError of(RpcErrorCode code, String message) {
        return new RpcError(code, "", message);
    }

    /** An error of a family, such as {@code MissingParameter.Signature}. */
    public static RpcError of(RpcErrorCode family, String name, String message) {
        return new RpcError(family, name, message);
    }

    /** The code as the answer's {@code Code} field carries it. */
    public String wireCode() {
        return switch (code.shape()) {
            case EXACT -> code.code();
            case FAMILY -> code.code() + "." + name;
        };
    }

    public int httpStatus() {
        return code.httpStatus();
    }

    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }
}
