package io.mqchat.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Internal topics between the broker extension and the workers. Only service accounts (tokens with the
 * service role) may subscribe to them; users can neither read nor publish them.
 *
 * <p>Every feed but {@link #GROUP_CHANGES} is partitioned into {@value #LANES} lanes, {@code {feed}/{lane}}: the
 * item about a group, conversation or user always goes to the same lane ({@link #laneOf(String)}), and a worker
 * instance consumes each lane it owns through a persistent session of its own with a plain subscription. Plain, not
 * shared: HiveMQ CE does not re-deliver a shared subscription's in-flight messages after a crash; and a session per
 * lane, so a lane that waits (a burst into one large group, a store that is down) holds up no other lane.
 */
public final class ServiceTopics {

    /** Root of every internal topic. */
    public static final String ROOT = "svc";
    /**
     * Device lifecycle, throttled activity and privacy changes ({@link PresenceEvent}), and devices' push token
     * requests ({@link PushRequest}), from the extension; a user's items share the user's lane.
     */
    public static final String PRESENCE_EVENTS = ROOT + "/presence/events";
    /** Messages for users without a connected device, to be turned into push notifications ({@link Notify}). */
    public static final String NOTIFY = ROOT + "/notify";
    /** Group chat messages, read markers and typing signals, stamped by the extension. */
    public static final String GROUP_TRAFFIC = ROOT + "/groups/messages";
    /** Group administration requests, stamped with the requesting user ({@link GroupRequest}). */
    public static final String GROUP_REQUESTS = ROOT + "/groups/requests";
    /** Membership changes, broadcast to every group-worker instance (not shared) to invalidate caches. */
    public static final String GROUP_CHANGES = ROOT + "/groups/changes";
    /**
     * The archive's feed: routed 1-1 and group messages, read markers and group events, each published once by the
     * part that routed it.
     */
    public static final String ARCHIVE = ROOT + "/archive/messages";
    /** History sync requests, stamped with the requesting user ({@link HistoryRequest}). */
    public static final String HISTORY_REQUESTS = ROOT + "/archive/requests";
    /**
     * Where the archive answers the presence-worker's unread counts ({@code {root}/{instance}}): the only internal
     * topics a history request may name as its response topic.
     */
    public static final String UNREAD_ANSWERS = ROOT + "/presence/unread";
    /** Whom each user blocked ({@link BlockList}, retained per user under it), from the archive for the broker. */
    public static final String BLOCKS = ROOT + "/blocks";

    /**
     * How many lanes every partitioned feed has. Fixed, so that the extension and every worker agree without a
     * setting that could differ between them; it also bounds how many instances of one worker can share a feed.
     */
    public static final int LANES = 16;

    private ServiceTopics() {
    }

    /**
     * The lane of the items about {@code key} (a group id, a conversation, a user): a hash that is the same in every
     * process and version (FNV-1a over the UTF-8 bytes), so the items about one key stay in order on one lane.
     */
    public static int laneOf(String key) {
        int hash = 0x811c9dc5;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x01000193;
        }
        return Math.floorMod(hash, LANES);
    }

    /** The topic of lane {@code lane} of {@code feed}. */
    public static String lane(String feed, int lane) {
        if (lane < 0 || lane >= LANES) {
            throw new IllegalArgumentException("lane must be 0-" + (LANES - 1) + ": " + lane);
        }
        return feed + "/" + lane;
    }

    /** The topic of the lane that carries the items about {@code key} on {@code feed}. */
    public static String laneFor(String feed, String key) {
        return lane(feed, laneOf(key));
    }

    /** The filter that covers every lane of {@code feed}. */
    public static String lanes(String feed) {
        return feed + "/+";
    }

    /** The lane key of a 1-1 conversation: the same whichever of the two is named first. */
    public static String conversationKey(String user, String peer) {
        return user.compareTo(peer) <= 0 ? user + "|" + peer : peer + "|" + user;
    }

    /** The retained topic of {@code user}'s {@link BlockList}. */
    public static String blocksOf(String user) {
        return BLOCKS + "/" + user;
    }

    /** The user whose {@link BlockList} {@code topic} carries, if it is a block list's topic. */
    public static Optional<String> blockListOwner(String topic) {
        int start = BLOCKS.length() + 1;
        return topic.startsWith(BLOCKS + "/") && topic.length() > start && topic.indexOf('/', start) < 0
                ? Optional.of(topic.substring(start)) : Optional.empty();
    }

    /** The filter that covers every internal topic (a service account's permission). */
    public static String all() {
        return ROOT + "/#";
    }
}
