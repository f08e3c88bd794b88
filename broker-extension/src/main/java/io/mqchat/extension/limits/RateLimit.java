package io.mqchat.extension.limits;

/**
 * How many requests (messages and read markers) one user may send.
 *
 * @param perSecond sustained rate, over all of the user's devices
 * @param burst     requests allowed at once after a quiet spell
 */
public record RateLimit(double perSecond, int burst) {

    /** Generous for people (a message every 33 ms), tight enough that one user cannot flood a queue. */
    public static final RateLimit DEFAULT = new RateLimit(30, 300);
    /**
     * Group messages, within the requests above: each costs a delivery per member (up to 256), so the door refuses
     * a flood with an error PUBACK before the group-worker would have to drop messages already SENT.
     */
    public static final RateLimit GROUP_DEFAULT = new RateLimit(2, 20);

    public RateLimit {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate limit must allow at least 1 request and a positive rate");
        }
    }
}
