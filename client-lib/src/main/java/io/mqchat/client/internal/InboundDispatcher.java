package io.mqchat.client.internal;

import io.mqchat.client.DeliveryReceipt;
import io.mqchat.client.Message;
import io.mqchat.client.QueueOverflow;
import io.mqchat.client.ReadReceipt;
import io.mqchat.client.ServerError;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.ErrorReply;
import io.mqchat.protocol.Notice;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Receipt;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Turns what arrives on the user's tree into calls of the app's listeners, once per chat message.
 * Returns only after the listener returned, so that the caller acknowledges (and the sender sees DELIVERED)
 * only what the app has actually been given.
 */
public final class InboundDispatcher {

    private final String me;
    private final Codec codec;
    private final Deduplicator deduplicator;
    private final Listeners listeners;
    private final Clock clock;

    public InboundDispatcher(String me, Codec codec, Deduplicator deduplicator, Listeners listeners, Clock clock) {
        this.me = me;
        this.codec = codec;
        this.deduplicator = deduplicator;
        this.listeners = listeners;
        this.clock = clock;
    }

    public void dispatch(byte[] payload) {
        Envelope envelope;
        try {
            envelope = codec.decode(payload);
        } catch (ProtocolException e) {
            // A newer server may send types this library does not know yet; skipping them keeps it working.
            return;
        }
        if (envelope instanceof ChatMessage message) {
            onMessage(message);
        } else if (envelope instanceof Receipt receipt) {
            onReceipt(receipt);
        } else if (envelope instanceof ErrorReply error) {
            deliver(listeners.errors(), new ServerError(error.code(), error.message(), error.ref(), error.topic(),
                    Instant.ofEpochMilli(error.ts())));
        } else if (envelope instanceof Notice notice && Notice.QUEUE_OVERFLOW.equals(notice.type())) {
            deliver(listeners.overflows(), new QueueOverflow(notice.device(), notice.message(),
                    Instant.ofEpochMilli(notice.ts())));
        }
    }

    private void onMessage(ChatMessage message) {
        if (message.from() != null && message.id() != null && !deduplicator.firstSeen(message.from(), message.id())) {
            return;
        }
        // The server always stamps ts; the receive time is the best stand-in should it ever be missing.
        Instant sentAt = message.ts() != null ? Instant.ofEpochMilli(message.ts()) : clock.instant();
        deliver(listeners.messages(), new Message(message.id(), message.from(), message.to(), message.body(),
                sentAt, me.equals(message.from())));
    }

    private void onReceipt(Receipt receipt) {
        Instant at = Instant.ofEpochMilli(receipt.ts());
        if (receipt.isDelivered()) {
            deliver(listeners.delivered(), new DeliveryReceipt(receipt.id(), receipt.by(), receipt.device(), at));
        } else if (receipt.isRead()) {
            deliver(listeners.read(), new ReadReceipt(receipt.peer(), receipt.by(), receipt.upTo(), at,
                    me.equals(receipt.by())));
        }
    }

    /**
     * A throwing listener must not stall the stream: the message still counts as delivered (it reached the
     * app) and the failure goes where uncaught exceptions of this thread go.
     */
    private static <T> void deliver(Consumer<T> listener, T event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
        }
    }
}
