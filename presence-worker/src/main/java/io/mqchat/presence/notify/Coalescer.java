package io.mqchat.presence.notify;

/** Lets at most one notification per recipient and conversation through per window, across worker instances. */
public interface Coalescer {

    /**
     * Claims the window of {@code recipient} in {@code conversation}.
     *
     * @return true when no notification went out in the current window, so this one may
     * @throws io.mqchat.presence.store.StoreUnavailableException when the shared state cannot be reached
     */
    boolean claim(String recipient, String conversation);

    /** Gives a claimed window back, e.g. because the notification could not be sent, so the next one may try. */
    void release(String recipient, String conversation);
}
