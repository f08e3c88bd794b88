package io.mqchat.media.http;

/** {@link io.mqchat.media.access.MediaAccess} could not answer: a temporary failure, 503 like a store outage. */
final class AccessUnknownException extends RuntimeException {

    AccessUnknownException(RuntimeException cause) {
        super(cause.getMessage(), cause);
    }
}
