package dev.berth.storage;

import dev.berth.registry.content.Digest;
import dev.berth.registry.content.DigestAlgorithm;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.SplittableRandom;

/**
 * A stream of {@code size} pseudo-random bytes, made as they are read, that hashes what it gave:
 * large blobs go through a store without ever being held in memory.
 */
public final class GeneratedBytes extends InputStream {
    private final SplittableRandom random;
    private final long size;
    private final MessageDigest sha256 = DigestAlgorithm.SHA256.newHasher();
    private long produced;

    public GeneratedBytes(long seed, long size) {
        this.random = new SplittableRandom(seed);
        this.size = size;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (produced == size) {
            return -1;
        }
        int count = (int) Math.min(length, size - produced);
        for (int i = 0; i < count; i += Long.BYTES) {
            long next = random.nextLong();
            for (int j = i; j < Math.min(count, i + Long.BYTES); j++, next >>>= Byte.SIZE) {
                buffer[offset + j] = (byte) next;
            }
        }
        sha256.update(buffer, offset, count);
        produced += count;
        return count;
    }

    /** A stream of the next {@code count} bytes of this one (fewer if it ends first). */
    public InputStream next(long count) {
        return new InputStream() {
            private long left = count;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left == 0) {
                    return length == 0 ? 0 : -1;
                }
                int read = GeneratedBytes.this.read(buffer, offset, (int) Math.min(length, left));
                if (read > 0) {
                    left -= read;
                }
                return read;
            }
        };
    }

    /** The sha256 of everything read; only once the stream is exhausted. */
    public Digest digest() {
        if (produced != size) {
            throw new IllegalStateException("only " + produced + " of " + size + " bytes were read");
        }
        return DigestAlgorithm.SHA256.digestOf(sha256);
    }
}
