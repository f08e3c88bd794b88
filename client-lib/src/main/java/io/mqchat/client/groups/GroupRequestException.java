package io.mqchat.client.groups;

import io.mqchat.client.RefusedException;
import io.mqchat.protocol.ErrorCode;

/**
 * The server refused a group request, for example {@link ErrorCode#NOT_ADMIN} or {@link ErrorCode#UNKNOWN_GROUP}.
 * {@link ErrorCode#UNAVAILABLE} is the one worth retrying: the group store was down.
 */
public class GroupRequestException extends RefusedException {

    private final String op;

    /**
     * @param op       the refused operation, e.g. {@code add}
     * @param wireCode the machine-readable reason, e.g. {@code not_admin}
     * @param detail   human-readable detail
     */
    public GroupRequestException(String op, String wireCode, String detail) {
        super(op + " refused: " + wireCode + ": " + detail, wireCode, detail);
        this.op = op;
    }

    /** The refused operation: create, add, remove, leave, rename, info or mine. */
    public String op() {
        return op;
    }
}
