/**
 * History sync: pages of a conversation ({@link io.mqchat.client.history.HistoryQuery}, positioned by
 * {@link io.mqchat.client.history.Cursor}) and the conversation list
 * ({@link io.mqchat.client.history.ConversationInfo}), both answered by the server's message archive. The client
 * also uses them by itself to catch up after every reconnect (see {@link io.mqchat.client.MqchatClient}).
 */
package io.mqchat.client.history;
