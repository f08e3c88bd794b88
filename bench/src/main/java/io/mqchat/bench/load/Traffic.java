package io.mqchat.bench.load;

import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Chat traffic over a fleet: device {@code i} sends to the user of device {@code peers[i]}, or, for one device
 * sending to many, sender slot {@code i} sends from one device to one peer. Records every message in the ledger and
 * tells a listener (the workload) when a sender's message completed: delivered for plain pub/sub,
 * DELIVERED-receipted for mqchat.
 */
public final class Traffic implements Inbound, Workload {

    private final MessageLedger ledger;
    private final Dialect dialect;
    private final String body;
    private final LongSupplier nanos;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong unknownArrivals = new AtomicLong();
    private final AtomicLong otherArrivals = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private final AtomicReference<String> firstProblem = new AtomicReference<>();
    private volatile IntConsumer onComplete = sender -> { };
    private DeviceFleet fleet;
    private int[] senderDevices;
    private String[] sendTopics;
    private String[] receiptTopics;

    public Traffic(MessageLedger ledger, Dialect dialect, String body, LongSupplier nanos) {
        this.ledger = ledger;
        this.dialect = dialect;
        this.body = body;
        this.nanos = nanos;
    }

    /** Binds the connected fleet (created with this traffic as its {@link Inbound}) and who talks to whom. */
    public void attach(DeviceFleet devices, int[] peers) {
        attach(devices, IntStream.range(0, devices.size()).toArray(), peers);
    }

    /**
     * Binds the connected fleet with sender slots: slot {@code i} sends from device {@code senderDevices[i]} to the
     * user of device {@code peers[i]}, and the workload takes turns over the slots.
     */
    public void attach(DeviceFleet devices, int[] senderDevices, int[] peers) {
        if (senderDevices.length != peers.length) {
            throw new IllegalArgumentException("a peer per sender slot");
        }
        this.fleet = devices;
        this.senderDevices = senderDevices.clone();
        this.sendTopics = new String[peers.length];
        this.receiptTopics = new String[peers.length];
        for (int i = 0; i < peers.length; i++) {
            sendTopics[i] = dialect.sendTopic(devices.device(peers[i]).user());
            receiptTopics[i] = Topics.receipts(devices.device(senderDevices[i]).user());
        }
    }

    @Override
    public int senders() {
        return sendTopics.length;
    }

    public MessageLedger ledger() {
        return ledger;
    }

    public boolean completesOnReceipt() {
        return dialect.receipts();
    }

    /** Who hears about completions; the closed loop sends its next message from here. */
    @Override
    public void onComplete(IntConsumer listener) {
        this.onComplete = listener;
    }

    /** Sends one message from sender slot {@code sender}, stamped {@code sentNanos}; false once the ledger is full. */
    @Override
    public boolean send(int sender, long sentNanos) {
        int seq = ledger.reserve(sender, sentNanos);
        if (seq < 0) {
            return false;
        }
        sent.incrementAndGet();
        fleet.device(senderDevices[sender]).publish(sendTopics[sender], Payloads.text(seq, body)).whenComplete((ok, error) -> {
            if (error != null) {
                publishFailures.incrementAndGet();
                firstProblem.compareAndSet(null, "publish failed: " + error);
            } else {
                acknowledged.incrementAndGet();
            }
        });
        return true;
    }

    /** Messages sent but not yet complete. */
    @Override
    public long outstanding() {
        return sent.get() - completed.get();
    }

    /** Messages sent whose PUBACK (SENT) has not come back yet. */
    public long unacknowledged() {
        return sent.get() - acknowledged.get() - publishFailures.get();
    }

    @Override
    public long nanos() {
        return nanos.getAsLong();
    }

    @Override
    public void delivered(int device, int seq, long at) {
        if (!ledger.known(seq)) {
            unknownArrivals.incrementAndGet();
            return;
        }
        if (ledger.delivered(seq, at)) {
            if (dialect.appReceipts()) {
                sendReceipt(device, seq);
            } else if (!dialect.receipts()) {
                complete(seq);
            }
        }
    }

    @Override
    public void receipted(int seq, long at) {
        if (!ledger.known(seq)) {
            unknownArrivals.incrementAndGet();
            return;
        }
        if (ledger.receipted(seq, at) && dialect.receipts()) {
            complete(seq);
        }
    }

    /** The recipient app's DELIVERED receipt, about the size of the one mqchat's broker writes. */
    private void sendReceipt(int device, int seq) {
        int sender = ledger.senderOf(seq);
        fleet.device(device).publish(receiptTopics[sender], Payloads.receipt(seq, fleet.device(device).user()))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        publishFailures.incrementAndGet();
                        firstProblem.compareAndSet(null, "receipt publish failed: " + error);
                    }
                });
    }

    private void complete(int seq) {
        completed.incrementAndGet();
        onComplete.accept(ledger.senderOf(seq));
    }

    @Override
    public void other(int device, String topic, byte[] payload) {
        otherArrivals.incrementAndGet();
        firstProblem.compareAndSet(null, topic + " " + new String(payload, StandardCharsets.UTF_8));
    }

    /** Arrivals and failures that are not part of the plan; all should stay 0. */
    public Anomalies anomalies() {
        return new Anomalies(unknownArrivals.get(), otherArrivals.get(), publishFailures.get(), firstProblem.get());
    }

    /**
     * Unplanned events of a run.
     *
     * @param unknownArrivals messages or receipts whose id the ledger never issued
     * @param otherArrivals   errors, notices and anything else that reached a device
     * @param publishFailures sends the broker refused or that failed
     * @param firstProblem    the first such event, for the report
     */
    public record Anomalies(long unknownArrivals, long otherArrivals, long publishFailures, String firstProblem) {
    }
}
