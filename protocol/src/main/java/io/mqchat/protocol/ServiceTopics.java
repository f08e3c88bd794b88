package io.mqchat.protocol;

/**
 * Internal topics between the broker extension and the workers. Only service accounts (tokens with the
 * service role) may subscribe to them; users can neither read nor publish them. Workers consume them
 * through shared subscriptions ({@link #shared(String, String)}) so that instances split the load.
 */
public final class ServiceTopics {

    /** Root of every internal topic. */
    public static final String ROOT = "svc";
    /** Device lifecycle, throttled activity and privacy changes, from the extension ({@link PresenceEvent}). */
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

    private ServiceTopics() {
    }

    /** The shared subscription filter through which the instances of {@code workerGroup} split {@code topic}. */
    public static String shared(String workerGroup, String topic) {
        return "$share/" + workerGroup + "/" + topic;
    }

    /** The filter that covers every internal topic (a service account's permission). */
    public static String all() {
        return ROOT + "/#";
    }
}
