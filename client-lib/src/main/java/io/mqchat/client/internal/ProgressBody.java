package io.mqchat.client.internal;

import io.mqchat.client.media.UploadProgress;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A request body that tells an {@link UploadProgress} how many of its bytes the HTTP client has taken. It declares
 * its length, so the upload goes with a {@code Content-Length}: the endpoint then refuses one that is too large
 * before it is sent. The JDK's publishers hand the bytes over in small buffers, so progress moves smoothly.
 */
final class ProgressBody implements HttpRequest.BodyPublisher {

    private final HttpRequest.BodyPublisher body;
    private final long total;
    private final UploadProgress progress;

    ProgressBody(HttpRequest.BodyPublisher body, long total, UploadProgress progress) {
        this.body = body;
        this.total = total;
        this.progress = progress;
    }

    @Override
    public long contentLength() {
        return total;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        // Every subscription is one attempt at sending the body: it counts from 0.
        report(0);
        body.subscribe(new Flow.Subscriber<ByteBuffer>() {
            private long sent;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                // Counted before it is passed on: the connection consumes the buffer.
                sent += buffer.remaining();
                subscriber.onNext(buffer);
                report(sent);
            }

            @Override
            public void onError(Throwable failure) {
                subscriber.onError(failure);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
    }

    private void report(long sent) {
        if (progress == null) {
            return;
        }
        try {
            progress.progressed(sent, total);
        } catch (RuntimeException e) {
            // A failing progress bar must not fail the upload.
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
        }
    }
}
