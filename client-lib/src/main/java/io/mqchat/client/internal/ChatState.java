package io.mqchat.client.internal;

import io.mqchat.protocol.HistoryResponse;

/**
 * What the inbound side needs for chat messages and history: where messages go, which history requests wait for
 * an answer, and what runs when the server says this device's queue overflowed.
 *
 * @param delivery   hands messages to the app
 * @param history    history requests waiting for their answers
 * @param overflowed runs on a queue-overflow notice (the catch-up)
 */
public record ChatState(Delivery delivery, PendingRequests<HistoryResponse> history, Runnable overflowed) {
}
