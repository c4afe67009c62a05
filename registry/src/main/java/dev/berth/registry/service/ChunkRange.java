package dev.berth.registry.service;

/** The bytes a chunk claims to carry, {@code first} to {@code last} inclusive (OCI distribution-spec, chunked upload). */
public record ChunkRange(long first, long last) {
    public ChunkRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("range " + first + "-" + last + " is not `first-last` with first <= last");
        }
    }

    public long length() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
