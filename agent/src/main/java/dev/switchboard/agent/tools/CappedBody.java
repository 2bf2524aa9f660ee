package dev.switchboard.agent.tools;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a limit. A body that would pass the limit is not read on: the subscription is
 * cancelled, which makes the HTTP client close the connection instead of draining it, so a webhook that streams
 * without end costs at most {@code limit} bytes of memory and one connection.
 *
 * @param bytes    what was read; empty when {@code tooLarge}
 * @param tooLarge the body (or its declared Content-Length) exceeded the limit
 */
record CappedBody(byte[] bytes, boolean tooLarge) {

    private static final CappedBody TOO_LARGE = new CappedBody(new byte[0], true);

    /** Reads bodies of at most {@code limit} bytes; one with a larger Content-Length is refused unread. */
    static BodyHandler<CappedBody> handler(int limit) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new Subscriber(declared > limit ? -1 : limit);
        };
    }

    /** Requests one chunk at a time, so at most one chunk beyond the limit is ever held. */
    private static final class Subscriber implements BodySubscriber<CappedBody> {

        private final int limit;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        /** @param limit bytes allowed; negative to refuse the body at once */
        Subscriber(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (limit < 0) {
                refuse();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> chunk) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : chunk) {
                if (received.size() + buffer.remaining() > limit) {
                    refuse();
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                received.writeBytes(bytes);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(new CappedBody(received.toByteArray(), false));
        }

        private void refuse() {
            result.complete(TOO_LARGE);
            subscription.cancel();
        }
    }
}
