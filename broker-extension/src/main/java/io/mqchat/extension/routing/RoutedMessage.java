package io.mqchat.extension.routing;

/**
 * User properties the broker (or the group-worker) puts on a routed chat message, so that the outbound and PUBACK interceptors
 * know its id and sender without parsing the payload. Clients cannot set them: routing replaces every user
 * property of a request publish.
 */
public final class RoutedMessage {

    public static final String PREFIX = "mqchat-";
    public static final String ID_PROPERTY = PREFIX + "id";
    public static final String FROM_PROPERTY = PREFIX + "from";
    /** Set by the group-worker on fanned-out group messages: the receipt names the group. */
    public static final String GROUP_PROPERTY = PREFIX + "group";

    private RoutedMessage() {
    }
}
