package io.mqchat.bench.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * One group's traffic: device 0 of the fleet sends every message to the group, devices 1 to N-1 are the
 * recipients (recipient {@code i - 1} in the {@link FanOutLedger}). A message completes when its last
 * recipient got it. Also keeps what the sender hears on its {@code responses} topic (the answer to the group's
 * creation) and counts the group's system messages (events), which carry no ledger id.
 */
public final class FanOutTraffic implements Inbound, Workload {

    /** The fleet's device that sends; every other device is a recipient. */
    public static final int SENDER = 0;

    private final FanOutLedger ledger;
    private final String body;
    private final LongSupplier nanos;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong unknownArrivals = new AtomicLong();
    private final AtomicLong otherArrivals = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private final AtomicReference<String> firstProblem = new AtomicReference<>();
    private final BlockingQueue<byte[]> responses = new LinkedBlockingQueue<>();
    private volatile IntConsumer onComplete = sender -> { };
    private Device sender;
    private String sendTopic;

    public FanOutTraffic(FanOutLedger ledger, String body, LongSupplier nanos) {
        this.ledger = ledger;
        this.body = body;
        this.nanos = nanos;
    }

    /** Binds the sending device (device 0 of a fleet created with this traffic as its {@link Inbound}). */
    public void attach(Device sendingDevice, String topic) {
        this.sender = sendingDevice;
        this.sendTopic = topic;
    }

    public FanOutLedger ledger() {
        return ledger;
    }

    @Override
    public int senders() {
        return 1;
    }

    @Override
    public void onComplete(IntConsumer listener) {
        this.onComplete = listener;
    }

    @Override
    public boolean send(int ignoredSender, long sentNanos) {
        int seq = ledger.reserve(sentNanos);
        if (seq < 0) {
            return false;
        }
        sent.incrementAndGet();
        sender.publish(sendTopic, Payloads.text(seq, body)).whenComplete((ok, error) -> {
            if (error != null) {
                publishFailures.incrementAndGet();
                firstProblem.compareAndSet(null, "publish failed: " + error);
            }
        });
        return true;
    }

    @Override
    public long outstanding() {
        return sent.get() - completed.get();
    }

    @Override
    public long nanos() {
        return nanos.getAsLong();
    }

    @Override
    public void delivered(int device, int seq, long at) {
        if (seq < 0) {
            // A group event (created, added, ...): a system message with an id of the server's.
            if (device != SENDER) {
                events.incrementAndGet();
            }
            return;
        }
        if (device == SENDER) {
            otherArrivals.incrementAndGet();
            firstProblem.compareAndSet(null, "the sending device got its own message m" + seq);
            return;
        }
        if (!ledger.known(seq)) {
            unknownArrivals.incrementAndGet();
            return;
        }
        if (ledger.delivered(seq, device - 1, at)) {
            completed.incrementAndGet();
            onComplete.accept(SENDER);
        }
    }

    @Override
    public void receipted(int seq, long at) {
        // Receipts for anything but the ledger's messages (a group event's) are no part of the measurement.
        if (ledger.known(seq)) {
            ledger.receipted(seq);
        }
    }

    @Override
    public void other(int device, String topic, byte[] payload) {
        if (device == SENDER && topic.endsWith("/responses")) {
            responses.add(payload);
            return;
        }
        otherArrivals.incrementAndGet();
        firstProblem.compareAndSet(null, topic + " " + new String(payload, StandardCharsets.UTF_8));
    }

    /** The next answer on the sender's responses topic, or null after {@code timeout}. */
    public byte[] nextResponse(Duration timeout) throws InterruptedException {
        return responses.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Group events the recipients got so far. */
    public long events() {
        return events.get();
    }

    /** Arrivals and failures that are not part of the plan; all should stay 0. */
    public Traffic.Anomalies anomalies() {
        return new Traffic.Anomalies(unknownArrivals.get(), otherArrivals.get(), publishFailures.get(), firstProblem.get());
    }
}
