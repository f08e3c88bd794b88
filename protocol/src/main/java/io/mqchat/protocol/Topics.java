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

    /** The topic a client publishes a chat message for {@code peer} to. */
    public static String send(String peer) {
        return Request.Action.SEND.prefix + peer;
    }

    /** The topic a client publishes a read marker for its conversation with {@code peer} to. */
    public static String read(String peer) {
        return Request.Action.READ.prefix + peer;
    }

    /** The user whose inbox {@code topic} is, if it is an inbox topic. */
    public static Optional<String> inboxOwner(String topic) {
        return ownerOf(topic, INBOX);
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
     * A request a client published: an action and the peer it targets.
     *
     * @param action what the client asks for
     * @param peer   the raw peer level of the topic; may be syntactically invalid, see {@link #peerIsValid()}
     */
    public record Request(Action action, String peer) {

        /** What a request topic asks the broker to do. */
        public enum Action {
            SEND("send/u/"),
            READ("read/u/");

            private final String prefix;

            Action(String prefix) {
                this.prefix = prefix;
            }
        }

        /** Parses a published topic; empty when it is not a request topic at all. */
        public static Optional<Request> parse(String topic) {
            for (Action action : Action.values()) {
                if (topic.startsWith(action.prefix)) {
                    return Optional.of(new Request(action, topic.substring(action.prefix.length())));
                }
            }
            return Optional.empty();
        }

        public boolean peerIsValid() {
            return UserIds.isValidUserId(peer);
        }
    }
}
