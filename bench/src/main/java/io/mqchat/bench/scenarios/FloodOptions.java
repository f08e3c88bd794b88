package io.mqchat.bench.scenarios;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The flood scenario's knobs: bystander pairs chatting 1-1 at a modest fixed rate, first alone ("quiet"), then beside
 * one user who sends as fast as the server's rate limit lets it, into a large group or 1-1 to many users.
 *
 * @param pairs            bystander conversations (two users, one device each, both sending)
 * @param bystanderRate    bystanders' chat messages per second, over all pairs
 * @param phase            length of each measured phase
 * @param warmup           bystanders plus a gentle group sender before the first phase (not reported)
 * @param warmupBystanderRate bystanders' chat messages per second during the warm-up: above their measured rate, so
 *                         that the JIT has compiled the chat path before the quiet phase (within the rate limit)
 * @param warmupGroupRate  the group sender's messages per second during the warm-up
 * @param members          the flooded group's size, the flooder included
 * @param floodRate        the flooder's messages per second, open loop (30 is the server's default limit)
 * @param recipients       users the 1-1 flooder sends to in turn
 * @param floods           which flood phases follow the quiet one: {@link #GROUP}, {@link #DIRECT}
 */
public record FloodOptions(int pairs, double bystanderRate, Duration phase, Duration warmup,
                           double warmupBystanderRate, double warmupGroupRate, int members, double floodRate,
                           int recipients, List<String> floods) {

    /** One user sending group messages into a group of {@code members}. */
    public static final String GROUP = "group";
    /** One user sending 1-1 messages to {@code recipients} users in turn. */
    public static final String DIRECT = "1-1";

    private static final Set<String> KNOWN = Set.of(GROUP, DIRECT);

    public FloodOptions {
        floods = List.copyOf(new LinkedHashSet<>(floods));
        if (pairs < 1 || recipients < 1 || !(bystanderRate > 0) || !(floodRate > 0) || !(warmupGroupRate > 0)
                || !(warmupBystanderRate > 0)) {
            throw new IllegalArgumentException("--flood-pairs, --flood-recipients and the flood rates must be positive");
        }
        if (members < 2 || members > BenchOptions.GroupOptions.MAX_SIZE) {
            throw new IllegalArgumentException("--flood-members must be between 2 and "
                    + BenchOptions.GroupOptions.MAX_SIZE + ": " + members);
        }
        if (phase.isNegative() || phase.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("--flood-phase must be positive and --flood-warmup not negative");
        }
        if (!KNOWN.containsAll(floods)) {
            throw new IllegalArgumentException("--flood-phases takes " + GROUP + " and " + DIRECT + ": " + floods);
        }
    }
}
