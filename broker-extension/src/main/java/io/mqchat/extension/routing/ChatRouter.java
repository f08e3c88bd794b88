package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import io.mqchat.extension.archive.ArchiveFeed;
import io.mqchat.extension.blocks.BlockLists;
import io.mqchat.extension.config.DisappearingTimers;
import io.mqchat.extension.devices.KnownDevices;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.extension.notify.OfflineNotifier;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.MessageIds;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Topics;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Routes a 1-1 chat message: stamps sender, recipient, server time and (if absent) an id, and rewrites the
 * sender's publish into the recipient's inbox. Rewriting the publish itself, rather than publishing a new
 * one, keeps SENT honest: the sender's PUBACK follows only once the routed message is in the broker's
 * durable queue. A copy goes to the sender's own inbox when the sender has other devices, one to the archive, and a
 * recipient with no connected device gets a push notification. A disappearing message's copies expire from
 * offline queues with it. The sender's copy and the archive's are stored before the routed message goes on. Who
 * blocked the recipient may not write to it; what a blocked sender writes is SENT and kept for the sender, but not
 * queued for the recipient (a recipient homed on another node gets it relayed, and its node, which knows its list
 * best, drops it on arrival).
 */
final class ChatRouter implements RequestRouter {

    private final Codec codec;
    private final Outbox outbox;
    private final ChatMetrics metrics;
    private final OfflineNotifier notifier;
    private final ArchiveFeed archive;
    private final DisappearingTimers timers;
    private final KnownDevices devices;
    private final BlockLists blocks;
    private final Clock clock;

    ChatRouter(Codec codec, Outbox outbox, ChatMetrics metrics, OfflineNotifier notifier, ArchiveFeed archive,
               DisappearingTimers timers, KnownDevices devices, BlockLists blocks, Clock clock) {
        this.codec = codec;
        this.outbox = outbox;
        this.metrics = metrics;
        this.notifier = notifier;
        this.archive = archive;
        this.timers = timers;
        this.devices = devices;
        this.blocks = blocks;
        this.clock = clock;
    }

    @Override
    public Routed route(Request request, PublishInboundOutput output, byte[] payload)
            throws ProtocolException {
        ModifiablePublishPacket publish = output.getPublishPacket();
        RoutedPublish.requireAcknowledged(publish, "chat messages");
        Envelope sent = codec.decodeSent(payload);
        if (sent instanceof MessageChange change) {
            return routeChange(request, publish, change);
        }
        if (blocks.blocks(request.sender().user(), request.target().target())) {
            // Edits, deletes and reactions of one's own side of the conversation stay possible.
            throw new ProtocolException(ErrorCode.BLOCKED, "you blocked " + request.target().target()
                    + ": unblock to write to them");
        }
        ChatMessage message = (ChatMessage) sent;
        if (message.mentions() != null) {
            throw new ProtocolException(ErrorCode.INVALID_ENVELOPE, "mentions are for group messages");
        }
        timers.requireOffered(message);
        String sender = request.sender().user();
        String recipient = request.target().target();
        String id = message.id() != null ? message.id() : MessageIds.newId();
        ChatMessage stamped = message.stamped(id, sender, recipient, clock.millis());
        byte[] routed = codec.encode(stamped);

        RoutedPublish.rewrite(publish, Topics.inbox(recipient), routed, request.sender().clientId());
        publish.getUserProperties().addUserProperty(RoutedMessage.ID_PROPERTY, id);
        publish.getUserProperties().addUserProperty(RoutedMessage.FROM_PROPERTY, sender);
        if (stamped.ttl() != null) {
            publish.setMessageExpiryInterval(stamped.ttl());
        }
        CompletableFuture<Void> ownCopy = NOTHING_FIRST.firstStored();
        if (!recipient.equals(sender) && devices.hasOtherDevice(sender, request.sender().device())) {
            ownCopy = outbox.publish(Topics.inbox(sender), routed, request.sender().clientId(), stamped.ttl());
        }
        CompletableFuture<Void> archived = archive.messageRouted(stamped, routed);
        metrics.messagesRouted().inc();
        CompletableFuture<Void> stored = CompletableFuture.allOf(ownCopy, archived);
        if (blocks.blocks(recipient, sender)) {
            // Kept for the sender (its devices, the archive) and SENT, but never queued for the recipient: not even
            // for a device that comes back after an unblock.
            return Routed.acknowledgedOnlyAfter(stored);
        }
        notifier.routed(stamped);
        return Routed.after(stored);
    }

    /**
     * Sends an edit, delete or reaction to the archive, which alone knows the message it names: the archive checks
     * it, keeps it and publishes it to both users. On the conversation's archive lane it comes behind that message,
     * whose sender got SENT only once the message was there.
     */
    private Routed routeChange(Request request, ModifiablePublishPacket publish, MessageChange change)
            throws ProtocolException {
        String sender = request.sender().user();
        String recipient = request.target().target();
        MessageChange stamped = change.stamped(change.id() != null ? change.id() : MessageIds.newId(), sender,
                recipient, clock.millis());
        if (!MessageChange.REACTION.equals(stamped.type()) && stamped.targetsOthers()) {
            throw new ProtocolException(ErrorCode.NOT_ALLOWED, "only its sender edits or deletes a message");
        }
        if (!archive.enabled()) {
            throw new ProtocolException(ErrorCode.UNAVAILABLE, "edits, deletes and reactions need the archive, "
                    + "which this server runs without");
        }
        RoutedPublish.rewrite(publish, ArchiveFeed.laneOf(sender, recipient), codec.encode(stamped),
                request.sender().clientId());
        metrics.changesRouted().inc();
        return NOTHING_FIRST;
    }
}
