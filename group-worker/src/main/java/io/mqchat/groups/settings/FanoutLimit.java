package io.mqchat.groups.settings;

/**
 * How many member deliveries one sender may cause per second through one group-worker instance. A group message
 * costs a delivery per member: at the broker's request limit (30 a second) into a group of 256 that would be
 * 7,680 deliveries a second, most of what one broker carries, and every other user's messages would wait.
 *
 * @param perSecond deliveries refilled per second
 * @param burst     deliveries allowed at once after a quiet spell; at least a full group
 */
public record FanoutLimit(int perSecond, int burst) {

    /** A message a second to a full group of 256 sustained, some 20 full-group messages at once. */
    public static final FanoutLimit DEFAULT = new FanoutLimit(500, 5_000);

    public FanoutLimit {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("groups.fanout-per-second and groups.fanout-burst must be positive");
        }
    }
}
