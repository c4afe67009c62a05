package dev.berth.storage.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/** File system steps that are on disk when they return (POSIX: fsync of the file or of its directory). */
final class Durable {
    private Durable() {
    }

    /** Makes the entries of {@code directory} (files created, renamed into or removed from it) durable. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Makes the bytes and the size of {@code file} durable. */
    static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Creates {@code directory} and its missing parents, each one durably linked into its parent. */
    static void createDirectories(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path current = directory; current != null && !Files.isDirectory(current); current = current.getParent()) {
            missing.push(current);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                Files.createDirectory(next);
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(next)) {
                    throw raced;
                }
            }
            syncDirectory(next.getParent());
        }
    }
}
