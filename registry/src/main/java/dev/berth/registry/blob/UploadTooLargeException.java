package dev.berth.registry.blob;

/** An append went past the limit it was given. */
public final class UploadTooLargeException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    public UploadTooLargeException(long limit) {
        super("the body is larger than the " + limit + " bytes allowed");
    }
}
