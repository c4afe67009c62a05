package dev.berth.benchmarks.registry;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.SplittableRandom;

/**
 * A stream of {@code size} pseudo-random bytes made on the fly from {@code seed}: the same seed gives
 * the same bytes whatever the sizes of the reads, so a blob of any size is pushed without being held
 * in memory, and its digest is known by reading it once beforehand.
 */
final class PseudoRandomBytes extends InputStream {
    private static final int BUFFER = 64 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final SplittableRandom random;
    private final byte[] buffer = new byte[BUFFER];
    private long remaining;
    private int position = BUFFER;

    PseudoRandomBytes(long seed, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, got " + size);
        }
        this.random = new SplittableRandom(seed);
        this.remaining = size;
    }

    /**
     * The blob of {@code size} bytes made from {@code seed}, written once to {@code file} and read from
     * it at each push: the client then spends nothing on making bytes while it measures.
     */
    static BlobBody written(long seed, long size, Path file) {
        MessageDigest digest = Sha256.start();
        byte[] chunk = new byte[BUFFER];
        try (InputStream in = new PseudoRandomBytes(seed, size); OutputStream out = Files.newOutputStream(file)) {
            for (int read; (read = in.read(chunk)) > 0; ) {
                digest.update(chunk, 0, read);
                out.write(chunk, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BlobBody(Sha256.finish(digest), size, () -> {
            try {
                return new BufferedInputStream(Files.newInputStream(file), 1 << 20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A small blob of {@code size} pseudo-random bytes, held in memory. */
    static byte[] small(long seed, int size) {
        byte[] bytes = new byte[size];
        try (InputStream in = new PseudoRandomBytes(seed, size)) {
            in.readNBytes(bytes, 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        if (position == BUFFER) {
            for (int i = 0; i < BUFFER; i += Long.BYTES) {
                LONGS.set(buffer, i, random.nextLong());
            }
            position = 0;
        }
        int count = (int) Math.min(Math.min(length, BUFFER - position), remaining);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        remaining -= count;
        return count;
    }
}
