package io.mqchat.client.history;

import io.mqchat.client.RefusedException;
import io.mqchat.protocol.ErrorCode;

/**
 * The server refused a history request, for example {@link ErrorCode#NOT_MEMBER} for a group this user does not
 * belong to (any more). {@link ErrorCode#UNAVAILABLE} is the one worth retrying: the archive was down.
 */
public class HistoryRequestException extends RefusedException {

    private final String op;

    /**
     * @param op       the refused operation: {@code messages} or {@code conversations}
     * @param wireCode the machine-readable reason, e.g. {@code not_member}
     * @param detail   human-readable detail
     */
    public HistoryRequestException(String op, String wireCode, String detail) {
        super(op + " refused: " + wireCode + ": " + detail, wireCode, detail);
        this.op = op;
    }

    /** The refused operation: {@code messages} or {@code conversations}. */
    public String op() {
        return op;
    }
}
