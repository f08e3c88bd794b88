package io.mqchat.extension.limits;

/**
 * How much of the broker one user may hold: without caps one account could open hundreds of sessions (each one a
 * queue every message to the user is copied into) or persist thousands of long subscriptions.
 *
 * @param devicesPerUser         devices (sessions) one user may have at once; a new device beyond it is refused
 * @param subscriptionsPerClient topic filters one device may hold
 * @param maxFilterLength        longest topic filter, in characters
 */
public record ClientLimits(int devicesPerUser, int subscriptionsPerClient, int maxFilterLength) {

    /**
     * Ten devices (Signal links five to a phone, WhatsApp four), a thousand filters (a contact list follows one
     * presence topic per contact) of up to 256 characters (the longest topic of the protocol is about 140).
     */
    public static final ClientLimits DEFAULT = new ClientLimits(10, 1000, 256);

    public ClientLimits {
        if (devicesPerUser < 1 || subscriptionsPerClient < 1 || maxFilterLength < 16) {
            throw new IllegalArgumentException("limits must allow at least one device, one subscription and "
                    + "filters of 16 characters");
        }
    }
}
