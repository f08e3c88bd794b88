package io.mqchat.service;

import io.mqchat.protocol.ServiceTopics;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The lanes of the partitioned feeds that one worker instance consumes (see {@link ServiceTopics#LANES}). Written
 * as in the {@code worker.lanes} setting: {@code all}, or lanes and ranges such as {@code 0-7} or {@code 0,2,9-15}.
 * Instances of one worker split the lanes between them; every lane needs exactly one owner.
 */
public final class LaneSet {

    private static final LaneSet ALL = new LaneSet(all());

    private final BitSet lanes;

    private LaneSet(BitSet lanes) {
        this.lanes = lanes;
    }

    /** Every lane: one instance consumes the whole feed. */
    public static LaneSet everyLane() {
        return ALL;
    }

    /** The lanes {@code text} names, or empty when it is not of the form described above. */
    public static Optional<LaneSet> parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equals("all")) {
            return Optional.of(ALL);
        }
        BitSet lanes = new BitSet(ServiceTopics.LANES);
        for (String part : trimmed.split(",", -1)) {
            String[] bounds = part.trim().split("-", -1);
            if (bounds.length > 2) {
                return Optional.empty();
            }
            Optional<Integer> from = lane(bounds[0]);
            Optional<Integer> to = bounds.length == 2 ? lane(bounds[1]) : from;
            if (from.isEmpty() || to.isEmpty() || from.get() > to.get()) {
                return Optional.empty();
            }
            lanes.set(from.get(), to.get() + 1);
        }
        return Optional.of(new LaneSet(lanes));
    }

    /** What {@link #parse(String)} accepts, for a configuration error message. */
    public static String syntax() {
        return "'all', or lanes 0-" + (ServiceTopics.LANES - 1) + " and ranges such as 0-7 or 0,2,9-15";
    }

    /** The lanes in ascending order. */
    public List<Integer> lanes() {
        List<Integer> list = new ArrayList<>(lanes.cardinality());
        lanes.stream().forEach(list::add);
        return list;
    }

    private static BitSet all() {
        BitSet all = new BitSet(ServiceTopics.LANES);
        all.set(0, ServiceTopics.LANES);
        return all;
    }

    private static Optional<Integer> lane(String text) {
        String digits = text.trim();
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int lane = Integer.parseInt(digits);
        return lane < ServiceTopics.LANES ? Optional.of(lane) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LaneSet set && set.lanes.equals(lanes);
    }

    @Override
    public int hashCode() {
        return lanes.hashCode();
    }

    /** In the setting's form: {@code all} or ranges. */
    @Override
    public String toString() {
        if (equals(ALL)) {
            return "all";
        }
        StringBuilder text = new StringBuilder();
        for (int from = lanes.nextSetBit(0); from >= 0; from = lanes.nextSetBit(from + 1)) {
            int to = lanes.nextClearBit(from) - 1;
            text.append(text.length() == 0 ? "" : ",").append(from).append(from == to ? "" : "-" + to);
            from = to;
        }
        return text.toString();
    }
}
