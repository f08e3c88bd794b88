package io.mqchat.client.internal;

import io.mqchat.protocol.UserSettings;

/**
 * Whether this user shares read receipts, as the archive last said (on by default, until it answered): its markers
 * then tell the others, and it sees theirs. The archive's answer to a settings request reaches every device of the
 * user, so a change made on one device reaches the others. Thread-safe.
 */
public final class ReadReceiptsSetting {

    private volatile boolean shared = true;

    /** Takes what the archive says the user's settings are. */
    public void learn(UserSettings settings) {
        shared = settings.sendsReadReceipts();
    }

    /** True while this user shares read receipts (and so sees the others'). */
    public boolean shared() {
        return shared;
    }
}
