package dev.berth.server.registry.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A POSIX ustar archive in memory, with the few entry kinds test layers need. */
final class TarWriter {
    private static final int BLOCK = 512;
    private static final long MTIME = 1_735_689_600L;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void directory(String name) {
        header(name, 0, '5', 0755);
    }

    void file(String name, byte[] content) {
        header(name, content.length, '0', 0644);
        out.writeBytes(content);
        pad(content.length);
    }

    /** The archive, closed by two zero blocks. */
    byte[] finish() {
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    private void header(String name, long size, char type, int mode) {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        if (nameBytes.length > 100) {
            throw new IllegalArgumentException("tar entry name `" + name + "` is longer than 100 bytes");
        }
        byte[] header = new byte[BLOCK];
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        octal(header, 100, 8, mode);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, size);
        octal(header, 136, 12, MTIME);
        Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = (byte) type;
        ascii(header, 257, "ustar\0");
        ascii(header, 263, "00");
        ascii(header, 265, "root");
        ascii(header, 297, "root");
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        String sum = String.format("%06o", checksum);
        ascii(header, 148, sum + "\0 ");
        out.writeBytes(header);
    }

    private void pad(long written) {
        int rest = (int) (written % BLOCK);
        if (rest != 0) {
            out.writeBytes(new byte[BLOCK - rest]);
        }
    }

    /** A zero-padded octal number of {@code length - 1} digits and a NUL. */
    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = String.format("%0" + (length - 1) + "o", value);
        ascii(header, offset, digits + "\0");
    }

    private static void ascii(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
