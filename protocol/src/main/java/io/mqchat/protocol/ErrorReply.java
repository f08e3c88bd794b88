package io.mqchat.protocol;

/**
 * An error on the sender's {@code errors} topic, answering a request the broker did not carry out.
 *
 * @param code    machine-readable reason, see {@link ErrorCode}
 * @param message human-readable detail
 * @param ref     the id of the refused message, when the payload named one
 * @param topic   the topic the refused request was published to
 * @param ts      server time in epoch milliseconds
 */
public record ErrorReply(String code, String message, String ref, String topic, long ts) implements Envelope {

    public static final String TYPE = "error";

    public static ErrorReply of(ProtocolException e, String ref, String topic, long ts) {
        return new ErrorReply(e.code().wireName(), e.getMessage(), ref, topic, ts);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
