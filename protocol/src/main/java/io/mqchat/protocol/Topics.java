package io.mqchat.protocol;

import java.util.Optional;

/**
 * The topic tree. Everything a user receives lives under {@code u/{user}/}, so one subscription
 * ({@code u/{me}/#}) and one permission cover it; clients publish only to the request topics
 * ({@code send/u/{peer}}, {@code read/u/{peer}}), which the broker rewrites into the peer's tree.
 */
public final class Topics {

    /** Root of every user's own tree. */
    public static final String USER_ROOT = "u";
    /** Chat messages for the user (from peers, and copies of what the user sent from another device). */
    public static final String INBOX = "inbox";
    /** DELIVERED and READ receipts for messages the user sent, and read markers from the user's other devices. */
    public static final String RECEIPTS = "receipts";
    /** Errors about the user's own requests. */
    public static final String ERRORS = "errors";
    /** System notices for one of the user's devices, such as a queue overflow. */
    public static final String NOTICES = "notices";

    private Topics() {
    }

    /** The filter a device subscribes to: its user's whole tree. */
    public static String userTree(String user) {
        return USER_ROOT + "/" + user + "/#";
    }

    public static String inbox(String user) {
        return USER_ROOT + "/" + user + "/" + INBOX;
    }

    public static String receipts(String user) {
        return USER_ROOT + "/" + user + "/" + RECEIPTS;
    }

    public static String errors(String user) {
        return USER_ROOT + "/" + user + "/" + ERRORS;
    }

    public static String notices(String user) {
        return USER_ROOT + "/" + user + "/" + NOTICES;
    }

    /** Typing signals from peers (QoS 0: never stored for an offline device). */
    public static final String TYPING = "typing";
    /** Responses to the user's requests (group administration, history sync). */
    public static final String RESPONSES = "responses";
    /** Root of the retained presence topics, one per user, readable by every user. */
    public static final String PRESENCE_ROOT = "p";

    public static String typing(String user) {
        return USER_ROOT + "/" + user + "/" + TYPING;
    }

    public static String responses(String user) {
        return USER_ROOT + "/" + user + "/" + RESPONSES;
    }

    /** The retained presence topic of {@code user}. */
    public static String presence(String user) {
        return PRESENCE_ROOT + "/" + user;
    }

    /** The topic a client publishes a chat message for {@code peer} to. */
    public static String send(String peer) {
        return Request.Action.SEND.prefix + peer;
    }

    /** The topic a client publishes a read marker for its conversation with {@code peer} to. */
    public static String read(String peer) {
        return Request.Action.READ.prefix + peer;
    }

    /** The topic a client publishes a typing signal for {@code peer} to (QoS 0). */
    public static String typingTo(String peer) {
        return Request.Action.TYPING.prefix + peer;
    }

    /** The topic a client publishes a chat message for group {@code group} to. */
    public static String sendToGroup(String group) {
        return Request.Action.SEND_GROUP.prefix + group;
    }

    /** The topic a client publishes a read marker for group {@code group} to. */
    public static String readInGroup(String group) {
        return Request.Action.READ_GROUP.prefix + group;
    }

    /** The topic a client publishes a typing signal for group {@code group} to (QoS 0). */
    public static String typingInGroup(String group) {
        return Request.Action.TYPING_GROUP.prefix + group;
    }

    /** The topic of group administration requests (create, add, remove, leave, rename, info, mine). */
    public static String groupRequests() {
        return Request.Action.GROUP_ADMIN.prefix;
    }

    /** The topic of presence settings requests (privacy). */
    public static String presenceRequests() {
        return Request.Action.PRESENCE_SETTINGS.prefix;
    }

    /** The topic of history sync requests (pages of a conversation, the conversation list). */
    public static String historyRequests() {
        return Request.Action.HISTORY.prefix;
    }

    /** The topic of push token requests (register, replace, remove this device's token). */
    public static String pushRequests() {
        return Request.Action.PUSH.prefix;
    }

    /** The user whose retained presence topic ({@code p/{user}}) {@code topic} is. Checks only the shape. */
    public static Optional<String> presenceOwner(String topic) {
        int start = PRESENCE_ROOT.length() + 1;
        return topic.startsWith(PRESENCE_ROOT + "/") && topic.length() > start && topic.indexOf('/', start) < 0
                ? Optional.of(topic.substring(start)) : Optional.empty();
    }

    /**
     * The user whose tree ({@code u/{user}/...}) {@code topic} lies in. Checks only the shape, not the user id's
     * syntax: for topics the server wrote itself.
     */
    public static Optional<String> userTreeOwner(String topic) {
        int start = USER_ROOT.length() + 1;
        if (!topic.startsWith(USER_ROOT + "/")) {
            return Optional.empty();
        }
        int end = topic.indexOf('/', start);
        return end <= start ? Optional.empty() : Optional.of(topic.substring(start, end));
    }

    /** The user whose inbox {@code topic} is, if it is an inbox topic. */
    public static Optional<String> inboxOwner(String topic) {
        return ownerOf(topic, INBOX);
    }

    /**
     * True when {@code topic} is some user's inbox. Checks only the shape, not the user id's syntax: for topics
     * the server wrote itself, on the hot path of every delivery.
     */
    public static boolean isInbox(String topic) {
        return topic.startsWith(USER_ROOT + "/") && topic.endsWith("/" + INBOX);
    }

    /** True when {@code topic} is exactly {@code user}'s inbox, without building the topic string. */
    public static boolean isInboxOf(String topic, String user) {
        int prefix = USER_ROOT.length() + 1;
        return topic.length() == prefix + user.length() + 1 + INBOX.length()
                && topic.startsWith(USER_ROOT + "/") && topic.startsWith(user, prefix)
                && topic.charAt(prefix + user.length()) == '/' && topic.endsWith(INBOX);
    }

    private static Optional<String> ownerOf(String topic, String leaf) {
        String suffix = "/" + leaf;
        if (!topic.startsWith(USER_ROOT + "/") || !topic.endsWith(suffix)) {
            return Optional.empty();
        }
        String user = topic.substring(USER_ROOT.length() + 1, topic.length() - suffix.length());
        return UserIds.isValidUserId(user) ? Optional.of(user) : Optional.empty();
    }

    /**
     * A request a client published: an action and the user or group it targets.
     *
     * @param action what the client asks for
     * @param target the raw peer or group level of the topic (empty for the fixed request topics); may be
     *               syntactically invalid, see {@link #targetIsValid()}
     */
    public record Request(Action action, String target) {

        /** What a request topic asks the broker to do. */
        public enum Action {
            SEND("send/u/", true),
            READ("read/u/", true),
            TYPING("typing/u/", true),
            SEND_GROUP("send/g/", true),
            READ_GROUP("read/g/", true),
            TYPING_GROUP("typing/g/", true),
            GROUP_ADMIN("req/groups", false),
            PRESENCE_SETTINGS("req/presence", false),
            HISTORY("req/history", false),
            PUSH("req/push", false);

            private final String prefix;
            private final boolean targeted;

            Action(String prefix, boolean targeted) {
                this.prefix = prefix;
                this.targeted = targeted;
            }

            /** True when the topic names a peer or group after the prefix. */
            public boolean targeted() {
                return targeted;
            }

            /** True when the target is a group rather than a user. */
            public boolean toGroup() {
                return this == SEND_GROUP || this == READ_GROUP || this == TYPING_GROUP;
            }
        }

        /** Parses a published topic; empty when it is not a request topic at all. */
        public static Optional<Request> parse(String topic) {
            for (Action action : Action.values()) {
                if (action.targeted ? topic.startsWith(action.prefix) : topic.equals(action.prefix)) {
                    return Optional.of(new Request(action, topic.substring(action.prefix.length())));
                }
            }
            return Optional.empty();
        }

        /** True when the target level is a valid user or group id (or absent where none belongs). */
        public boolean targetIsValid() {
            return action.targeted ? UserIds.isValidUserId(target) : target.isEmpty();
        }
    }
}
