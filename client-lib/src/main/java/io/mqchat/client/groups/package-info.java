/**
 * Groups: administration ({@link io.mqchat.client.groups.Groups}), changes as system messages
 * ({@link io.mqchat.client.groups.GroupEvent}) and the summary of a sent group message's receipts
 * ({@link io.mqchat.client.groups.GroupMessageStatus}). Group messages themselves are ordinary
 * {@link io.mqchat.client.Message}s whose conversation is a group.
 */
package io.mqchat.client.groups;
