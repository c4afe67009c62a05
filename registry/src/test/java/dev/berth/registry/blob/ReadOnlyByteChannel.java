package dev.berth.registry.blob;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only channel over a byte array. */
final class ReadOnlyByteChannel implements SeekableByteChannel {
    private final byte[] bytes;
    private int position;
    private boolean open = true;

    ReadOnlyByteChannel(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public synchronized int read(ByteBuffer target) throws ClosedChannelException {
        requireOpen();
        if (position >= bytes.length) {
            return -1;
        }
        int count = Math.min(target.remaining(), bytes.length - position);
        target.put(bytes, position, count);
        position += count;
        return count;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public synchronized long position() throws ClosedChannelException {
        requireOpen();
        return position;
    }

    @Override
    public synchronized SeekableByteChannel position(long newPosition) throws ClosedChannelException {
        requireOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = (int) Math.min(newPosition, bytes.length);
        return this;
    }

    @Override
    public long size() throws ClosedChannelException {
        requireOpen();
        return bytes.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() {
        open = false;
    }

    private void requireOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
