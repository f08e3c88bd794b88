package io.mqchat.protocol;

/** Limits on group request arguments that the wire format itself enforces. */
public final class GroupNames {

    /** Longest group name, in characters. */
    public static final int MAX_LENGTH = 100;
    /** Most members one request may name; the group's own member limit is the group-worker's setting. */
    public static final int MAX_MEMBERS_PER_REQUEST = 1024;

    private GroupNames() {
    }
}
