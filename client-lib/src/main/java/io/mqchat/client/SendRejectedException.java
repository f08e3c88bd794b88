package io.mqchat.client;

import io.mqchat.protocol.ErrorCode;
import java.util.Optional;

/**
 * The server (or, for requests it would certainly refuse, this library) refused a message or read marker:
 * it was not sent and retrying it unchanged will fail again.
 */
public class SendRejectedException extends MqchatException {

    private final String messageId;
    private final String wireCode;
    private final String detail;

    /**
     * @param messageId the refused message id (for a read marker: its {@code upTo} id)
     * @param wireCode  the machine-readable reason, e.g. {@code invalid_recipient}
     * @param detail    human-readable detail
     */
    public SendRejectedException(String messageId, String wireCode, String detail) {
        super(wireCode + ": " + detail);
        this.messageId = messageId;
        this.wireCode = wireCode;
        this.detail = detail;
    }

    public String messageId() {
        return messageId;
    }

    /** The reason as the server named it. */
    public String wireCode() {
        return wireCode;
    }

    /** The explanation, without the code. */
    public String detail() {
        return detail;
    }

    /** The reason, when it is one this library knows; a newer server may send others. */
    public Optional<ErrorCode> code() {
        return ErrorCode.fromWireName(wireCode);
    }
}
