package io.mqchat.extension.routing;

import io.mqchat.extension.archive.ArchiveFeed;
import io.mqchat.extension.blocks.BlockLists;
import io.mqchat.extension.config.DisappearingTimers;
import io.mqchat.extension.devices.KnownDevices;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.extension.notify.OfflineNotifier;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.extension.presence.Connections;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.protocol.Topics.Request.Action;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Which router carries out each request action: the whole protocol surface a device can publish to. */
public final class RequestRoutes {

    private final Map<Action, RequestRouter> routers = new EnumMap<>(Action.class);

    /**
     * @param archive what feeds the archive with routed 1-1 traffic
     * @param timers  the disappearing-message timers the server offers
     * @param devices which users have other devices that need copies of their own messages
     * @param blocks  whom the senders blocked: they may not write to them
     */
    public RequestRoutes(Codec codec, Outbox outbox, ChatMetrics metrics, Connections connections,
                         OfflineNotifier notifier, ArchiveFeed archive, DisappearingTimers timers,
                         KnownDevices devices, BlockLists blocks, Clock clock) {
        TypingRouter typing = new TypingRouter(codec, outbox, blocks, clock);
        GroupTrafficRouter groups = new GroupTrafficRouter(codec, metrics, timers, clock);
        routers.put(Action.SEND, new ChatRouter(codec, outbox, metrics, notifier, archive, timers, devices, blocks,
                clock));
        routers.put(Action.READ, new ReadMarkerRouter(codec, outbox, metrics, archive, clock));
        routers.put(Action.TYPING, typing);
        routers.put(Action.SEND_GROUP, groups);
        routers.put(Action.READ_GROUP, groups);
        routers.put(Action.TYPING_GROUP, typing);
        // A group's requests share its lane; one that names no group yet (create, mine) goes to the requester's.
        routers.put(Action.GROUP_ADMIN, new WorkerRequestRouter<>("group requests", codec, clock,
                (payload, sender, now) -> codec.decodeGroupRequest(payload).stamped(sender.user(), sender.device(), now),
                (stamped, sender) -> ServiceTopics.laneFor(ServiceTopics.GROUP_REQUESTS,
                        stamped.group() != null ? stamped.group() : stamped.by()), true));
        routers.put(Action.PRESENCE_SETTINGS, new PresenceSettingsRouter(codec, connections, clock));
        // Who may read what is the archive's to decide, as only it knows the conversations.
        routers.put(Action.HISTORY, new WorkerRequestRouter<>("history requests", codec, clock,
                (payload, sender, now) -> codec.decodeHistoryRequest(payload)
                        .stamped(sender.user(), sender.device(), now),
                (stamped, sender) -> ServiceTopics.laneFor(ServiceTopics.HISTORY_REQUESTS, sender.user()), true));
        // Push tokens go to the presence-worker, which holds them, on the user's lane of the presence events, so that a
        // user's requests are applied in order; a device only ever registers or removes its own token.
        routers.put(Action.PUSH, new WorkerRequestRouter<>("push requests", codec, clock,
                (payload, sender, now) -> codec.decodePushRequest(payload)
                        .stamped(sender.user(), sender.device(), now),
                (stamped, sender) -> ServiceTopics.laneFor(ServiceTopics.PRESENCE_EVENTS, sender.user()), false));
        if (routers.size() != Action.values().length) {
            throw new IllegalStateException("a request action has no router");
        }
    }

    RequestRouter forAction(Action action) {
        return routers.get(action);
    }
}
