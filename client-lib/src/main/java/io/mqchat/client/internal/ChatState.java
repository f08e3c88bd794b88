package io.mqchat.client.internal;

import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.MessageChange;

/**
 * What the inbound side needs for chat messages and history: where messages go, which history requests and changes
 * of messages wait for an answer, and what runs when the server says this device's queue overflowed.
 *
 * @param delivery   hands messages and changes of messages to the app
 * @param history    history requests waiting for their answers
 * @param overflowed runs on a queue-overflow notice (the catch-up)
 * @param changes    this device's edits, deletes and reactions waiting for the archive's verdict
 * @param settings   this user's privacy settings (read receipts, blocks), learnt from the archive's settings answers
 */
public record ChatState(Delivery delivery, PendingRequests<HistoryResponse> history, Runnable overflowed,
                        PendingRequests<MessageChange> changes, MySettings settings) {

    /** A state for a user who shares read receipts until the archive says otherwise. */
    public ChatState(Delivery delivery, PendingRequests<HistoryResponse> history, Runnable overflowed,
                     PendingRequests<MessageChange> changes) {
        this(delivery, history, overflowed, changes, new MySettings());
    }
}
