package io.mqchat.groups.store;

/** Why the store did not carry out a membership change. */
public enum Refusal {
    /** No group has the id. */
    UNKNOWN_GROUP,
    /** The acting user is not a member of the group. */
    NOT_MEMBER,
    /** The change needs an admin and the acting user is not one. */
    NOT_ADMIN,
    /** The group would exceed its member limit. */
    LIMIT_REACHED
}
