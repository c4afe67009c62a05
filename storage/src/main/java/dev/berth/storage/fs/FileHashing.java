package dev.berth.storage.fs;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

/** Feeds a range of a file to a hasher in large reads, never holding more than one buffer. */
final class FileHashing {
    static final int BUFFER_SIZE = 1 << 20;

    private FileHashing() {
    }

    /** Hashes the bytes of {@code channel} from {@code start} (inclusive) to {@code end} (exclusive). */
    static void update(MessageDigest hasher, FileChannel channel, long start, long end) throws IOException {
        if (start >= end) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER_SIZE, end - start));
        long position = start;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new EOFException("the upload file ended at byte " + position + ", before " + end);
            }
            buffer.flip();
            hasher.update(buffer);
            position += read;
        }
    }
}
