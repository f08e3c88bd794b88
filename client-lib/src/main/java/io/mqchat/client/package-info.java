/**
 * The mqchat client library: an app's view of mqchat over MQTT 5.
 *
 * <p>Start with {@link io.mqchat.client.MqchatClient#builder()}. Everything the app receives (messages,
 * receipts, errors, notices) arrives through listeners registered on the builder; everything it does
 * ({@code send}, {@code markRead}, group requests) returns a {@link java.util.concurrent.CompletableFuture}.
 * Presence, typing and groups live in the subpackages {@code presence}, {@code typing} and {@code groups}.
 * The wire format is defined once in {@code io.mqchat.protocol}; this package never exposes it.
 */
package io.mqchat.client;
