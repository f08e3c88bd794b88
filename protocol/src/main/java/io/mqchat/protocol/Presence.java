package io.mqchat.protocol;

/**
 * A user's presence, retained on {@code p/{user}} so that a subscriber gets the current state at once.
 * When the user hides its presence ({@code hidden}), {@code online} and {@code lastSeen} are absent.
 *
 * @param user     whose presence this is
 * @param online   true while any device of the user is connected
 * @param lastSeen epoch milliseconds of the user's last activity when offline; absent while online
 * @param hidden   true when the user's privacy setting is {@code nobody}
 * @param ts       server time of this state in epoch milliseconds
 */
public record Presence(String user, Boolean online, Long lastSeen, Boolean hidden, long ts) implements Envelope {

    public static final String TYPE = "presence";

    public static Presence online(String user, long ts) {
        return new Presence(user, true, null, null, ts);
    }

    public static Presence offline(String user, long lastSeen, long ts) {
        return new Presence(user, false, lastSeen, null, ts);
    }

    public static Presence hidden(String user, long ts) {
        return new Presence(user, null, null, true, ts);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
