package io.mqchat.client;

/**
 * The server (or, for requests it would certainly refuse, this library) refused a message, a read marker, or an
 * edit, delete or reaction: it was not sent or not applied, and retrying it unchanged will fail again.
 */
public class SendRejectedException extends RefusedException {

    private final String messageId;

    /**
     * @param messageId the refused message id (for a read marker: its {@code upTo} id; for an edit, delete or
     *                  reaction: the change's own id)
     * @param wireCode  the machine-readable reason, e.g. {@code invalid_recipient}
     * @param detail    human-readable detail
     */
    public SendRejectedException(String messageId, String wireCode, String detail) {
        super(wireCode + ": " + detail, wireCode, detail);
        this.messageId = messageId;
    }

    public String messageId() {
        return messageId;
    }
}
