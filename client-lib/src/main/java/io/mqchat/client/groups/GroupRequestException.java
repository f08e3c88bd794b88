package io.mqchat.client.groups;

import io.mqchat.client.MqchatException;
import io.mqchat.protocol.ErrorCode;
import java.util.Optional;

/**
 * The server refused a group request, for example {@link ErrorCode#NOT_ADMIN} or {@link ErrorCode#UNKNOWN_GROUP}.
 * {@link ErrorCode#UNAVAILABLE} is the one worth retrying: the group store was down.
 */
public class GroupRequestException extends MqchatException {

    private final String op;
    private final String wireCode;
    private final String detail;

    /**
     * @param op       the refused operation, e.g. {@code add}
     * @param wireCode the machine-readable reason, e.g. {@code not_admin}
     * @param detail   human-readable detail
     */
    public GroupRequestException(String op, String wireCode, String detail) {
        super(op + " refused: " + wireCode + ": " + detail);
        this.op = op;
        this.wireCode = wireCode;
        this.detail = detail;
    }

    /** The refused operation: create, add, remove, leave, rename, info or mine. */
    public String op() {
        return op;
    }

    /** The reason as the server named it. */
    public String wireCode() {
        return wireCode;
    }

    /** The server's explanation. */
    public String detail() {
        return detail;
    }

    /** The reason, when it is one this library knows; a newer server may send others. */
    public Optional<ErrorCode> code() {
        return ErrorCode.fromWireName(wireCode);
    }
}
