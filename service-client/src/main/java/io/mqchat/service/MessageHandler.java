package io.mqchat.service;

/**
 * Handles one message of a subscription. Returning normally acknowledges the message; throwing
 * {@link RetryLater} retries it; any other exception is logged and the message acknowledged, so one poison
 * message cannot stall a stream.
 */
@FunctionalInterface
public interface MessageHandler {

    void handle(InboundMessage message) throws Exception;
}
