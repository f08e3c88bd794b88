package io.mqchat.service;

import io.mqchat.config.Key;
import io.mqchat.config.ValueParser;
import java.time.Duration;

/** The settings every worker shares about its broker and the feeds it consumes. */
public final class FeedKeys {

    /** {@code broker.host}: where the worker's broker is. */
    public static final Key<String> BROKER_HOST = Key.text("broker.host", "127.0.0.1",
            "Host of the mqchat broker the worker connects to");
    /** {@code broker.port}: the MQTT port of the worker's broker. */
    public static final Key<Integer> BROKER_PORT = Key.port("broker.port", "1883",
            "MQTT port of the mqchat broker");

    /** {@code worker.lanes}: the lanes this instance owns; instances of one worker must split all lanes. */
    public static final Key<LaneSet> WORKER_LANES = Key.of("worker.lanes", new ValueParser<>() {
        @Override
        public LaneSet parse(String text) {
            return LaneSet.parse(text).orElseThrow(() -> new IllegalArgumentException("not " + LaneSet.syntax()));
        }

        @Override
        public String describe() {
            return LaneSet.syntax();
        }
    }, "all", "Lanes of the partitioned feeds this instance consumes; instances of one worker split all lanes "
            + "between them, each lane owned by exactly one");

    /** {@code worker.stall-after}: how long a feed may have work waiting before readiness fails. */
    public static final Key<Duration> STALL_AFTER = Key.duration("worker.stall-after", "60s",
            Duration.ofSeconds(1), "How long a feed may have work that waits (a message not handled, a probe not back) "
                    + "before /health/ready turns 503 naming it");

    private FeedKeys() {
    }
}
