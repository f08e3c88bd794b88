package io.mqchat.presence.push;

import io.mqchat.protocol.PushPlatform;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How many pushes to devices each push service took, and what became of the others; thread-safe counts. */
public final class PushOutcomes {

    /** What became of one push to one device. */
    public enum Outcome {
        /** The service took it. */
        SENT("sent"),
        /** The service called the token gone; it was removed. */
        TOKEN_REMOVED("token_removed"),
        /** The service refused it for another reason (not tried again). */
        REFUSED("refused"),
        /** It kept failing (throttled, unavailable, unreachable) until the tries were used up. */
        GAVE_UP("gave_up");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** The metric's label value. */
        public String label() {
            return label;
        }
    }

    private final Map<PushPlatform, Map<Outcome, LongAdder>> counts = new EnumMap<>(PushPlatform.class);

    public PushOutcomes() {
        for (PushPlatform platform : PushPlatform.values()) {
            Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, new LongAdder());
            }
            counts.put(platform, outcomes);
        }
    }

    void record(PushPlatform platform, Outcome outcome) {
        counts.get(platform).get(outcome).increment();
    }

    /** The pushes to devices of {@code platform} that ended in {@code outcome} so far. */
    public long count(PushPlatform platform, Outcome outcome) {
        return counts.get(platform).get(outcome).sum();
    }
}
