package dev.berth.benchmarks.registry;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.Flow;

/** Takes a response body buffer by buffer and keeps only its SHA-256 and its length. */
final class DigestingSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    private final MessageDigest digest = Sha256.start();
    private long size;
    private Flow.Subscription subscription;

    /** What arrived: the digest of the body and its size in bytes. */
    record Received(String digest, long size) {
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            size += buffer.remaining();
            digest.update(buffer);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        // the response future carries the failure
    }

    @Override
    public void onComplete() {
        // received() reads the result once the body is complete
    }

    Received received() {
        return new Received(Sha256.finish(digest), size);
    }
}
