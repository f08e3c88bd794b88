package io.mqchat.protocol;

/**
 * A system notice for one device on its user's {@code notices} topic.
 *
 * @param type    {@value #QUEUE_OVERFLOW}: the device's offline queue was full and messages were dropped;
 *                the device must sync history to recover them
 * @param device  the device the notice concerns
 * @param message human-readable detail
 * @param ts      server time in epoch milliseconds
 */
public record Notice(String type, String device, String message, long ts) implements Envelope {

    public static final String QUEUE_OVERFLOW = "queue_overflow";
}
