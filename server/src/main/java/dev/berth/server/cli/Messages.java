package dev.berth.server.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Short, lower-case messages for I/O failures, with no Java type names. */
final class Messages {
    private Messages() {
    }

    static String of(Exception e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file";
            case AccessDeniedException denied -> "permission denied";
            default -> e.getMessage() == null ? "read failed" : e.getMessage();
        };
    }
}
