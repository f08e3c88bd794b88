package io.mqchat.bench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FanOutTrafficTest {

    private final FanOutLedger ledger = new FanOutLedger(10, 2);
    private final FanOutTraffic traffic = new FanOutTraffic(ledger, "x", () -> 0L);

    @Test
    void completesOnceWhenTheLastRecipientGotTheMessage() {
        AtomicInteger completions = new AtomicInteger();
        traffic.onComplete(sender -> completions.incrementAndGet());
        int seq = ledger.reserve(0);
        traffic.delivered(1, seq, 5);
        traffic.delivered(2, seq, 7);
        traffic.delivered(2, seq, 9);
        assertEquals(1, completions.get());
        assertEquals(1, ledger.allDelivered(0, 1));
        assertEquals(1, ledger.tally(0, 1, 10).duplicates());
    }

    @Test
    void theSendersOwnCopyAndUnknownIdsAreAnomalies() {
        int seq = ledger.reserve(0);
        traffic.delivered(FanOutTraffic.SENDER, seq, 1);
        traffic.delivered(1, 7, 1);
        assertEquals(1, traffic.anomalies().otherArrivals());
        assertEquals(1, traffic.anomalies().unknownArrivals());
        assertEquals(0, ledger.tally(0, 1, 10).deliveries());
    }

    @Test
    void groupEventsAtRecipientsAreCountedNotRecorded() {
        traffic.delivered(1, -1, 1);
        traffic.delivered(2, -1, 1);
        traffic.delivered(FanOutTraffic.SENDER, -1, 1);
        assertEquals(2, traffic.events());
        assertEquals(0, traffic.anomalies().otherArrivals());
    }

    @Test
    void theSendersResponsesAreKeptAndOtherArrivalsReported() throws InterruptedException {
        byte[] response = "{\"v\":1,\"type\":\"response\"}".getBytes(StandardCharsets.UTF_8);
        traffic.other(FanOutTraffic.SENDER, "u/g3m0/responses", response);
        traffic.other(1, "u/g3m1/errors", "{}".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(response, traffic.nextResponse(Duration.ZERO));
        assertNull(traffic.nextResponse(Duration.ZERO));
        assertEquals(1, traffic.anomalies().otherArrivals());
    }
}
