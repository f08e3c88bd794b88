package io.mqchat.cluster;

/** The registry's store could not be reached or answered nonsense; the caller should try again later. */
public final class ClusterRegistryUnavailableException extends RuntimeException {

    public ClusterRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
