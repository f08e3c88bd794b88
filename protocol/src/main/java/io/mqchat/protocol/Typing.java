package io.mqchat.protocol;

/**
 * A typing signal on the receiver's {@code typing} topic. Published at QoS 0 and never stored, so a device
 * that is offline never sees stale signals.
 *
 * @param from  the user who types, stamped by the server
 * @param group the group the user types in; absent in a 1-1 conversation (the conversation is {@code from})
 * @param state {@value #TYPING} or {@value #PAUSED}
 * @param ts    server time in epoch milliseconds
 */
public record Typing(String from, String group, String state, long ts) implements Envelope {

    public static final String TYPE = "typing";
    public static final String TYPING = "typing";
    public static final String PAUSED = "paused";

    @Override
    public String type() {
        return TYPE;
    }
}
