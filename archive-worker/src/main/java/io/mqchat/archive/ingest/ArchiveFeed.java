package io.mqchat.archive.ingest;

import io.mqchat.archive.changes.ChangeDelivery;
import io.mqchat.archive.store.ArchiveStore;
import io.mqchat.archive.store.ArchiveUnavailableException;
import io.mqchat.archive.store.ConversationKey;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.GroupEvent;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.MessageIds;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.UserIds;
import io.mqchat.service.InboundMessage;
import io.mqchat.service.MessageHandler;
import io.mqchat.service.RetryLater;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives what arrives on {@code svc/archive/messages}: stamped 1-1 and group messages, read markers, group
 * events (membership periods), alone or in a batch, and edits, deletes and reactions ({@link ChangeDelivery}). While MongoDB is down an item is retried ({@link RetryLater}) and the ones behind it
 * wait in the worker's persistent session; anything that is not a complete, stamped item is logged and skipped, so
 * one bad item never holds up the feed. Archived messages are counted in a {@link FeedProgress}.
 */
public final class ArchiveFeed implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveFeed.class);

    private final ArchiveStore store;
    private final Codec codec;
    private final Clock clock;
    private final FeedProgress progress;
    private final ChangeDelivery changes;

    /**
     * A feed that records what it archived in {@code progress} and hands edits, deletes and reactions to
     * {@code changes}.
     */
    public ArchiveFeed(ArchiveStore store, Codec codec, Clock clock, FeedProgress progress, ChangeDelivery changes) {
        this.store = store;
        this.codec = codec;
        this.clock = clock;
        this.progress = progress;
        this.changes = changes;
    }

    @Override
    public void handle(InboundMessage message) throws RetryLater {
        List<Envelope> items;
        try {
            items = codec.decodeAll(message.payload());
        } catch (ProtocolException e) {
            LOG.warn("skipping an unreadable archive feed item: {}", e.getMessage());
            return;
        }
        // A batch is retried as a whole while MongoDB is down; storing an item twice changes nothing.
        for (Envelope item : items) {
            try {
                archive(item);
            } catch (RuntimeException e) {
                // One item the store cannot take must not cost the items behind it in the batch.
                LOG.warn("skipping an archive feed item the store refused ({}): {}", item.type(), e.toString());
            }
        }
        try {
            changes.refuseAbandoned();
        } catch (ArchiveUnavailableException e) {
            LOG.debug("could not look for abandoned changes yet: {}", e.getMessage());
        }
    }

    private void archive(Envelope envelope) throws RetryLater {
        try {
            if (envelope instanceof ChatMessage chat && isStamped(chat)) {
                long now = clock.millis();
                store.archive(chat, now);
                progress.archived(chat.ts(), now);
                changes.releaseFor(chat);
            } else if (envelope instanceof Receipt marker && isReadMarker(marker)) {
                ConversationKey conversation = marker.group() != null ? ConversationKey.group(marker.group())
                        : ConversationKey.direct(marker.by(), marker.peer());
                // A device that does not know its user keeps read receipts to itself must not share one for it.
                boolean shared = marker.sharedWithOthers() && store.settings(marker.by()).sendsReadReceipts();
                store.markRead(conversation, marker.by(), marker.upTo(), shared, marker.ts(), clock.millis());
            } else if (envelope instanceof MessageChange change && isStamped(change)) {
                changes.deliver(change);
            } else if (envelope instanceof GroupEvent event && isComplete(event)) {
                store.applyGroupEvent(event, clock.millis());
            } else {
                LOG.warn("skipping an archive feed item that is no stamped message, change, read marker or group event: {}",
                        envelope.type());
            }
        } catch (ArchiveUnavailableException e) {
            throw new RetryLater("the archive is unavailable: " + e.getMessage(), e);
        }
    }

    private static boolean isStamped(ChatMessage message) {
        boolean oneConversation = message.group() != null ? message.to() == null && UserIds.isValidUserId(message.group())
                : UserIds.isValidUserId(message.to());
        boolean content = message.isTimerChange() ? message.timer() != null
                : message.isImage() ? message.media() != null && message.media().problem() == null
                : ChatMessage.TEXT.equals(message.type()) && message.body() != null;
        return oneConversation && content && message.ts() != null && MessageIds.isValid(message.id())
                && UserIds.isValidUserId(message.from());
    }

    private static boolean isStamped(MessageChange change) {
        boolean oneConversation = change.group() != null ? change.to() == null && UserIds.isValidUserId(change.group())
                : UserIds.isValidUserId(change.to());
        boolean content = switch (change.type()) {
            case MessageChange.EDIT -> change.body() != null && !change.body().isEmpty();
            case MessageChange.REACTION -> change.emoji() == null || change.emoji().length() <= MessageChange.MAX_EMOJI;
            default -> true;
        };
        return oneConversation && content && change.ts() != null && MessageIds.isValid(change.id())
                && UserIds.isValidUserId(change.from()) && change.target() != null && change.target().problem() == null;
    }

    private static boolean isReadMarker(Receipt receipt) {
        boolean oneConversation = receipt.group() != null ? UserIds.isValidUserId(receipt.group())
                : UserIds.isValidUserId(receipt.peer());
        return receipt.isRead() && oneConversation && UserIds.isValidUserId(receipt.by())
                && MessageIds.isValid(receipt.upTo());
    }

    private static boolean isComplete(GroupEvent event) {
        return event.id() != null && UserIds.isValidUserId(event.group()) && event.event() != null
                && (event.members() == null || event.members().stream().allMatch(UserIds::isValidUserId));
    }
}
