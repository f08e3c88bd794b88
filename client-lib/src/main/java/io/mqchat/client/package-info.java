/**
 * The mqchat client library: an app's view of mqchat over MQTT 5.
 *
 * <p>Start with {@link io.mqchat.client.MqchatClient#builder()}. Everything the app receives (messages,
 * receipts, errors, notices) arrives through listeners registered on the builder; everything it does
 * ({@code send}, {@code markRead}, group and history requests) returns a
 * {@link java.util.concurrent.CompletableFuture}.
 * Presence, typing, groups, history and image sharing live in the subpackages {@code presence}, {@code typing},
 * {@code groups}, {@code history} and {@code media}.
 * The wire format is defined once in {@code io.mqchat.protocol}; this package never exposes it.
 */
package io.mqchat.client;
