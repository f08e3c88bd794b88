package io.mqchat.client;

/** Base of the failures this library reports; the subclasses say what the app can do about them. */
public class MqchatException extends RuntimeException {

    public MqchatException(String message) {
        super(message);
    }

    public MqchatException(String message, Throwable cause) {
        super(message, cause);
    }
}
