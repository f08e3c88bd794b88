package io.mqchat.presence.badge;

import io.mqchat.presence.notify.Notification;
import io.mqchat.presence.notify.UnreadCounts;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Cursor;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.HistoryRequest;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.MessageIds;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.service.InboundMessage;
import io.mqchat.service.MessageHandler;
import io.mqchat.service.OutboundMessage;
import io.mqchat.service.ServiceConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the archive, which keeps every conversation's read mark, how many messages a user has not read: an
 * {@code unread} history request stamped with the user and naming the notification's message (counted even if the
 * archive has not stored it yet), on the user's lane of the archive's requests, answered on an internal topic of this
 * connection's own. Without an answer in time (the archive-worker down, slow, or not deployed)
 * the count is empty and the push goes without a badge; a request nobody took in time expires in the broker.
 *
 * <p>The count is what the archive has stored when it answers, and the notification's message: another message
 * routed a moment before may not be in it yet.
 */
public final class ArchiveUnreadCounts implements UnreadCounts, MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveUnreadCounts.class);

    private final ServiceConnection connection;
    private final String answers;
    private final Codec codec;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, CompletableFuture<OptionalInt>> waiting = new ConcurrentHashMap<>();

    private ArchiveUnreadCounts(ServiceConnection connection, Codec codec, Clock clock, Duration timeout) {
        this.connection = connection;
        this.answers = ServiceTopics.UNREAD_ANSWERS + "/" + connection.clientId();
        this.codec = codec;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Counts through {@code connection}, a session of its own, subscribing it to its answers topic: call before the
     * connection connects.
     *
     * @param timeout how long a push waits for the count at most
     */
    public static ArchiveUnreadCounts on(ServiceConnection connection, Codec codec, Clock clock, Duration timeout) {
        ArchiveUnreadCounts counts = new ArchiveUnreadCounts(connection, codec, clock, timeout);
        connection.subscribe(counts.answers, counts);
        return counts;
    }

    @Override
    public CompletableFuture<OptionalInt> unreadOf(Notification notification) {
        String ref = MessageIds.newId();
        CompletableFuture<OptionalInt> answer = new CompletableFuture<>();
        waiting.put(ref, answer);
        String user = notification.recipient();
        Cursor message = new Cursor(notification.ts(), notification.sender(), notification.messageId());
        byte[] request = codec.encode(HistoryRequest.unreadIncluding(user,
                notification.group() == null ? notification.sender() : null, notification.group(), message, ref,
                clock.millis()));
        try {
            connection.publish(OutboundMessage.to(ServiceTopics.laneFor(ServiceTopics.HISTORY_REQUESTS, user), request)
                            .responseTopic(answers)
                            .messageExpiry(Math.max(1, timeout.toSeconds()))
                            .build())
                    .whenComplete((published, failure) -> {
                        if (failure != null) {
                            answer.complete(OptionalInt.empty());
                        }
                    });
        } catch (RuntimeException e) {
            waiting.remove(ref);
            return CompletableFuture.completedFuture(OptionalInt.empty());
        }
        return answer.completeOnTimeout(OptionalInt.empty(), timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((count, failure) -> waiting.remove(ref));
    }

    /** An answer of the archive: completes the count it belongs to; a late one finds nobody waiting. */
    @Override
    public void handle(InboundMessage message) {
        try {
            Envelope envelope = codec.decode(message.payload());
            if (envelope instanceof HistoryResponse response && response.ref() != null) {
                CompletableFuture<OptionalInt> answer = waiting.get(response.ref());
                if (answer != null) {
                    answer.complete(response.ok() && response.unread() != null
                            ? OptionalInt.of(response.unread()) : OptionalInt.empty());
                }
            }
        } catch (ProtocolException e) {
            LOG.warn("skipping an unreadable answer on {}: {}", message.topic(), e.getMessage());
        }
    }
}
