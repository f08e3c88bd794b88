package io.mqchat.terminal.conversation;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import io.mqchat.client.MessageChanged;
import io.mqchat.client.SentMessage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages {@code /react}, {@code /edit} and {@code /delete} act on, per conversation: the newest one of the
 * others that was shown, and this user's newest, as this terminal sent it (once the server has it) or as it was
 * shown (from another device or from history); none once it was deleted. A terminal has no cursor to point at older
 * ones.
 */
public final class RecentMessages {

    /** This user's newest message in a conversation: sent from here, or shown. */
    public record Own(SentMessage sent, Message shown) {
    }

    private final Map<Conversation, Message> fromOthers = new ConcurrentHashMap<>();
    private final Map<Conversation, Own> mine = new ConcurrentHashMap<>();

    /** A message was shown. */
    public void shown(Message message) {
        if (message.isTimerChange()) {
            return;
        }
        if (message.sentByMe()) {
            mine.merge(message.conversation(), new Own(null, message),
                    (held, shown) -> newer(held, message) ? shown : held);
        } else {
            fromOthers.merge(message.conversation(), message,
                    (held, shown) -> shown.cursor().compareTo(held.cursor()) > 0 ? shown : held);
        }
    }

    /** This terminal sent a message: the newest of its conversation from this user. */
    public void sent(SentMessage sent) {
        if (sent.text() != null || sent.image() != null) {
            mine.put(sent.conversation(), new Own(sent, null));
        }
    }

    public Optional<Message> newestFromOthers(Conversation conversation) {
        return Optional.ofNullable(fromOthers.get(conversation));
    }

    public Optional<Own> newestMine(Conversation conversation) {
        return Optional.ofNullable(mine.get(conversation));
    }

    /** A change was applied: a message deleted for everyone is nothing to act on any more. */
    public void changed(MessageChanged change) {
        if (change.kind() != MessageChanged.Kind.DELETED) {
            return;
        }
        fromOthers.computeIfPresent(change.conversation(), (conversation, held) ->
                held.id().equals(change.messageId()) && held.from().equals(change.messageFrom()) ? null : held);
        mine.computeIfPresent(change.conversation(), (conversation, held) ->
                change.messageFrom().equals(change.by()) && change.messageId().equals(idOf(held)) ? null : held);
    }

    private static String idOf(Own own) {
        return own.sent() != null ? own.sent().id() : own.shown().id();
    }

    /** Whether {@code shown} is newer than what is held (sent from here: by when each was sent). */
    private static boolean newer(Own held, Message shown) {
        return held.sent() != null ? shown.sentAt().isAfter(held.sent().sentAt())
                : shown.cursor().compareTo(held.shown().cursor()) > 0;
    }
}
