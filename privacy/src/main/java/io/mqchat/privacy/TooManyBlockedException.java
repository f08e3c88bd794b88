package io.mqchat.privacy;

import io.mqchat.protocol.UserSettings;

/** A block that would take a user past {@link UserSettings#MAX_BLOCKED} blocked users. */
public final class TooManyBlockedException extends RuntimeException {

    public TooManyBlockedException() {
        super("at most " + UserSettings.MAX_BLOCKED + " users can be blocked");
    }
}
