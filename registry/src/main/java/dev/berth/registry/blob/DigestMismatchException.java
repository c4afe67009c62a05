package dev.berth.registry.blob;

import dev.berth.registry.content.Digest;

/** The uploaded bytes do not have the digest or the size the client declared. */
public final class DigestMismatchException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    public DigestMismatchException(Digest expected, String actual) {
        super("the uploaded bytes do not match `" + expected + "`: " + actual);
    }
}
