package io.mqchat.client.internal;

import io.mqchat.protocol.Response;

/**
 * What the client keeps about groups, shared by the inbound side (answers, events, receipts) and the outbound
 * side (requests, sent messages).
 *
 * @param directory the groups this user belongs to and their members
 * @param pending   requests waiting for their answers
 * @param tracker   receipts of the group messages this device sent
 */
public record GroupState(GroupDirectory directory, PendingRequests<Response> pending, GroupReceiptTracker tracker) {
}
