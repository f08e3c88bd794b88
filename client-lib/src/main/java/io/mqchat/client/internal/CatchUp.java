package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.Cursor;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches from the archive what the app missed and hands it over through {@link Delivery}, oldest first, while live
 * messages wait. It asks for the conversations changed since its last run (all of them the first time; a long
 * list part by part, {@link CatchUpList}), pages each one that has newer messages than the app has
 * ({@link CatchUpPlan}) and hands over everything the app has not had. Runs after every connect, on a
 * queue-overflow notice and when the app asks; a trigger during a run runs it once more afterwards.
 *
 * <p>Where a conversation's paging starts:
 * <ul>
 * <li>after the newest message the app had of it when the connection came up (for a run the app asked for: has
 *     now), or the app's own record of it as it was before this client handed it anything of it. Not the newest it
 *     has now: an overflow drops the oldest queued messages while newer ones still arrive, so the newest message
 *     says nothing about the gap before it;</li>
 * <li>for a conversation this client has nothing of: after an overflow or on a new session (nothing was queued),
 *     the look-back; otherwise, if an earlier run exists, that run's time (the conversation is new since); on the
 *     first run of a client, nowhere. A new client cannot tell what an earlier run of the app already had, and
 *     without an overflow its session's queue holds everything the earlier run did not acknowledge.</li>
 * </ul>
 * After a run that failed, the next one starts where the failed one did (and asks for the conversations changed
 * since the same time), whatever the app received meanwhile: live messages handed over after a failure may lie
 * beyond the gap the failed run was to fill. A failed run is tried again after a pause (2 s, doubling to a minute)
 * until one completes.
 *
 * <p>A run that looked for lost messages (a new session, an overflow) is followed by a {@link Trigger#SETTLE settling
 * run} a few seconds later: what the server routed while this device had no queue (its user had no home, or the
 * session was not subscribed yet) is only in the archive, and the archive stores it a moment after it was routed,
 * possibly after the first run read it. Live messages handed over since lie beyond that gap, so the settling run
 * pages from where the first one did, or from a minute before the first run's answer where that is later; what it
 * finds that the app already has is dropped. Thread-safe.
 */
public final class CatchUp {

    /** Why a catch-up runs; when a run is asked for again for several reasons, the first of them counts. */
    public enum Trigger {
        /** A connection came up on a new session (a new device, or the old session expired): nothing was queued. */
        NEW_SESSION,
        /** The server said this device's queue overflowed. */
        OVERFLOW,
        /** A connection came up on the session this device had: its queue may not have held everything. */
        CONNECTED,
        /** The app asked. */
        APP,
        /** A few seconds after a run that looked for lost messages: the archive may have stored more of them since. */
        SETTLE;

        /** Whether messages are known to be missing that only the archive has: paging may look back. */
        boolean lostMessages() {
            return this == NEW_SESSION || this == OVERFLOW;
        }
    }

    /**
     * How far before its last run a catch-up asks for changed conversations: a message routed just before an
     * answer may reach the archive just after it.
     */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    /**
     * Longest that live messages wait for a catch-up: an archive that is slow, down or missing (a server without
     * one) must not hold up chat. Past it they are handed over, and what the catch-up finds later comes late.
     */
    static final Duration HOLD_LIMIT = Duration.ofSeconds(5);
    /** How long after a run that looked for lost messages the settling run asks the archive again. */
    static final Duration SETTLE_DELAY = Duration.ofSeconds(10);
    /**
     * How far before the first run's answer a settling run pages at the most: longer than the archive takes to
     * store what was routed, shorter than a long absence whose messages the first run already paged.
     */
    static final Duration SETTLE_REACH = Duration.ofMinutes(1);
    /** The first pause before a failed run is tried again; it doubles up to {@link #RETRY_MAX}. */
    static final Duration RETRY_FIRST = Duration.ofSeconds(2);
    static final Duration RETRY_MAX = Duration.ofMinutes(1);
    /** Sender and id of a look-back start: the smallest valid ones, so a start includes its whole millisecond. */
    private static final String LOWEST = "-";

    private final LatestRequest archive;
    private final Delivery delivery;
    private final CursorBook book;
    private final DisappearingTimers timers;
    private final Duration lookBack;
    private final Scheduler scheduler;

    /** Server time of the last complete run's conversation list; null before the first. */
    private Long checkpoint;
    /** Where the app stood when the connection came up. */
    private Start connectStart = new Start(Map.of(), null);
    private CompletableFuture<Void> running;
    private Trigger again;
    /** The reason of a run that failed: the next run still owes it (a look-back after a new session, say). */
    private Trigger owed;
    /** Where the first of the runs that failed since the last complete one started; null when none failed. */
    private Start owedStart;
    /** Completes once the current connection can take answers (its subscription is confirmed). */
    private CompletableFuture<?> ready = CompletableFuture.completedFuture(null);
    /** Where the settling run starts; null when none is owed. */
    private Start settleStart;
    /** Whether the settling run's time has come: it runs once no other run is running or asked for. */
    private boolean settleDue;
    /** The pause before a failed run is tried again. */
    private Duration retryPause = RETRY_FIRST;
    /** The client is closed: no run starts any more, so no retry or settling run outlives it. */
    private boolean closed;

    /**
     * Where a run starts: what the app had of each conversation, and the checkpoint it asks for changes after.
     *
     * @param anchors    the {@link CursorBook} positions
     * @param checkpoint {@link #checkpoint} at the time
     * @param floor      no conversation is paged from before it (null: no floor); a settling run's limit
     */
    private record Start(Map<Conversation, Cursor> anchors, Long checkpoint, Cursor floor) {

        Start(Map<Conversation, Cursor> anchors, Long checkpoint) {
            this(anchors, checkpoint, null);
        }
    }

    /**
     * @param book      where the app stands, with the app's own record of its newest message per conversation
     * @param lookBack  how far back to page a conversation the app has nothing of
     * @param scheduler ends a hold that lasts longer than {@link #HOLD_LIMIT}
     */
    public CatchUp(Archive archive, Delivery delivery, CursorBook book, DisappearingTimers timers,
                   Duration lookBack, Scheduler scheduler) {
        this.archive = new LatestRequest(archive);
        this.delivery = delivery;
        this.book = book;
        this.timers = timers;
        this.lookBack = lookBack;
        this.scheduler = scheduler;
    }

    /**
     * A connection came up: remembers where the app stands and holds live messages back from now on; the catch-up
     * asks the archive once {@code subscribed} completes (the device's subscription is confirmed: answers need it).
     * Call it before the connection's first message is handled.
     *
     * @param sessionPresent whether the server still had this device's session (and so its queue)
     */
    public CompletableFuture<Void> connected(boolean sessionPresent, CompletableFuture<?> subscribed) {
        synchronized (this) {
            connectStart = new Start(book.snapshot(), checkpoint);
            ready = subscribed;
        }
        // A request sent over an earlier connection may never be answered (an overflowing queue drops answers too):
        // a run waiting for one ends now, and what it owed passes to the run asked for here.
        archive.cancel();
        return start(sessionPresent ? Trigger.CONNECTED : Trigger.NEW_SESSION);
    }

    /** Runs a catch-up, or once more after the one running. Completes when what it found was handed over. */
    public CompletableFuture<Void> start(Trigger trigger) {
        CompletableFuture<Void> result;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the client is closed"));
            }
            if (trigger == Trigger.SETTLE) {
                if (settleStart == null && owedStart == null) {
                    return CompletableFuture.completedFuture(null); // a run since has done it
                }
                settleDue = settleStart != null;
            }
            if (running != null) {
                if (trigger != Trigger.SETTLE) {
                    again = strongest(again, trigger);
                }
                return running;
            }
            running = new CompletableFuture<>();
            result = running;
        }
        // Outside the lock, as every call into Delivery: its lock is held while the app's listener runs.
        // A settling run holds nothing back: what it finds is older than the live messages handed over since anyway.
        if (trigger != Trigger.SETTLE) {
            long hold = delivery.hold();
            scheduler.schedule(() -> delivery.release(hold), HOLD_LIMIT.toMillis());
        }
        loop(trigger);
        return result;
    }

    private void loop(Trigger asked) {
        CompletableFuture<?> connection;
        Trigger trigger;
        Start start;
        synchronized (this) {
            connection = ready;
            trigger = strongest(asked, owed);
            owed = null;
            if (owedStart != null) {
                start = owedStart;
            } else if (trigger == Trigger.SETTLE && settleStart != null) {
                start = settleStart;
                settleStart = null;
                settleDue = false;
            } else {
                start = trigger == Trigger.APP || trigger == Trigger.SETTLE ? new Start(book.snapshot(), checkpoint)
                        : connectStart;
            }
        }
        connection.thenCompose(subscribed -> runOnce(trigger, start)).whenComplete((answeredAt, failure) -> {
            CompletableFuture<Void> done;
            Trigger next;
            boolean settleLater = false;
            Trigger retry = null;
            Duration pause;
            synchronized (this) {
                if (failure != null) {
                    owed = strongest(owed, trigger);
                    // Not where the app stands once the held live messages are released: they may lie beyond the
                    // gap, and a reconnect's snapshot or a run the app asks for would start after them.
                    owedStart = start;
                } else {
                    owedStart = null;
                    retryPause = RETRY_FIRST;
                    if (trigger.lostMessages() && settleStart == null) {
                        Cursor floor = new Cursor(Math.max(0, answeredAt - SETTLE_REACH.toMillis()), LOWEST, LOWEST);
                        settleStart = new Start(start.anchors(), start.checkpoint(), floor);
                        settleLater = true;
                    }
                }
                // Also after a failure: a reconnect or an overflow during the run deserves a run of its own.
                next = again;
                again = null;
                if (next == null && settleDue && settleStart != null) {
                    next = Trigger.SETTLE;
                }
                if (next == null && failure != null) {
                    retry = owed;
                }
                pause = retryPause;
                if (retry != null) {
                    retryPause = retryPause.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX
                            : retryPause.multipliedBy(2);
                }
                done = next == null ? running : null;
                if (next == null) {
                    running = null;
                }
            }
            if (settleLater) {
                scheduler.schedule(() -> start(Trigger.SETTLE), SETTLE_DELAY.toMillis());
            }
            if (next != null) {
                loop(next);
                return;
            }
            if (retry != null) {
                scheduler.schedule(this::retryOwed, pause.toMillis());
            }
            // Outside the lock: the app's listener runs, and may start another catch-up from another thread.
            delivery.release();
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(Completions.cause(failure));
            }
        });
    }

    /** No run starts from now on. */
    public synchronized void close() {
        closed = true;
    }

    /** Runs what a failed run owes, unless a run has started since. */
    private void retryOwed() {
        Trigger trigger;
        synchronized (this) {
            trigger = running == null ? owed : null;
        }
        if (trigger != null) {
            start(trigger);
        }
    }

    /** The reason that asks more of a run; null stands for none. */
    private static Trigger strongest(Trigger a, Trigger b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /** Completes with the archive's time of the conversation list it paged after. */
    private CompletableFuture<Long> runOnce(Trigger trigger, Start start) {
        Long since = start.checkpoint() == null ? null : Math.max(0, start.checkpoint() - OVERLAP.toMillis());
        Map<Conversation, Cursor> anchors = start.anchors();
        return CatchUpList.fetch(archive, since).thenCompose(listing -> {
            List<ConversationSummary> summaries = listing.conversations();
            for (ConversationSummary summary : summaries) {
                Conversation conversation = CatchUpPlan.conversationOf(summary);
                if (conversation != null) {
                    timers.learnFromSummary(conversation, summary.timer(), summary.updated());
                }
            }
            CatchUpPlan plan = CatchUpPlan.of(summaries, conversation -> atOrAfter(anchorOf(conversation, anchors),
                    start.floor()), atOrAfter(startWithoutAnchor(trigger, since, listing.ts()), start.floor()));
            plan.covered().forEach(book::advance);
            return CatchUpPages.fetchAll(archive, plan.fetch()).thenApply(found -> {
                found.sort(Comparator.comparing(Messages::positionOf,
                        Comparator.nullsLast(Comparator.naturalOrder())));
                delivery.caughtUp(found);
                synchronized (this) {
                    checkpoint = listing.ts();
                }
                return listing.ts();
            });
        });
    }

    /** Where paging starts in a conversation the app has nothing of; null for nowhere (see the class comment). */
    private Cursor startWithoutAnchor(Trigger trigger, Long since, long now) {
        Long start = since;
        if (trigger.lostMessages()) {
            long lookBackStart = Math.max(0, now - lookBack.toMillis());
            start = since == null ? lookBackStart : Math.min(since, lookBackStart);
        }
        return start == null ? null : new Cursor(start, LOWEST, LOWEST);
    }

    /** {@code cursor}, or {@code floor} where that is later or the cursor missing; null only when both are. */
    private static Cursor atOrAfter(Cursor cursor, Cursor floor) {
        if (floor == null || cursor != null && cursor.compareTo(floor) > 0) {
            return cursor;
        }
        return floor;
    }

    private Cursor anchorOf(Conversation conversation, Map<Conversation, Cursor> anchors) {
        Cursor anchor = anchors.get(conversation);
        return anchor != null ? anchor : book.appRecord(conversation);
    }
}
