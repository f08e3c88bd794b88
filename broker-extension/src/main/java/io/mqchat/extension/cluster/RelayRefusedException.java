package io.mqchat.extension.cluster;

/** The home node did not take a relayed publish (it does not serve the user any more, or could not store it). */
public final class RelayRefusedException extends RuntimeException {

    public RelayRefusedException(String message) {
        super(message);
    }
}
