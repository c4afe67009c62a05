package dev.berth.registry.blob;

import java.nio.channels.SeekableByteChannel;
import java.util.Objects;

/** An open committed blob: its size and a channel positioned at its start; the caller closes it. */
public record BlobContent(long size, SeekableByteChannel channel) implements AutoCloseable {
    public BlobContent {
        Objects.requireNonNull(channel, "channel");
    }

    @Override
    public void close() throws java.io.IOException {
        channel.close();
    }
}
