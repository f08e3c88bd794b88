package io.mqchat.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FanOutLedgerTest {

    @Test
    void aMessageIsAllDeliveredWhenItsLastRecipientGotIt() {
        FanOutLedger ledger = new FanOutLedger(10, 3);
        int m = ledger.reserve(1_000);
        assertFalse(ledger.delivered(m, 2, 4_000));
        assertFalse(ledger.delivered(m, 0, 2_000));
        assertTrue(ledger.delivered(m, 1, 3_000));
        FanOutLedger.Tally tally = ledger.tally(0, ledger.position(), 10_000);
        assertEquals(1, tally.allDelivered());
        // The latest arrival, whichever completed the count.
        assertEquals(3_000, tally.allDeliveredLatencyNanos()[0]);
        assertEquals(3, tally.deliveries());
        assertEquals(0, tally.lost());
    }

    @Test
    void countsLostAndDuplicateMemberDeliveries() {
        FanOutLedger ledger = new FanOutLedger(10, 2);
        int a = ledger.reserve(0);
        int b = ledger.reserve(100);
        ledger.delivered(a, 0, 50);
        assertFalse(ledger.delivered(a, 0, 60));
        assertFalse(ledger.delivered(a, 0, 70));
        assertTrue(ledger.delivered(a, 1, 80));
        ledger.delivered(b, 1, 300);
        FanOutLedger.Tally tally = ledger.tally(0, 2, 1_000);
        assertEquals(2, tally.messages());
        assertEquals(4, tally.expectedDeliveries());
        assertEquals(3, tally.deliveries());
        assertEquals(1, tally.lost());
        assertEquals(2, tally.duplicates());
        assertEquals(1, tally.allDelivered());
        assertEquals(1, ledger.allDelivered(0, 2));
        assertEquals(80, tally.allDeliveredLatencyNanos()[0]);
        assertEquals(200, tally.deliveryLatencyNanos()[2]);
    }

    @Test
    void onlyArrivalsByTheEndOfThePhaseCountTowardsItsRate() {
        FanOutLedger ledger = new FanOutLedger(10, 2);
        int a = ledger.reserve(0);
        int b = ledger.reserve(0);
        ledger.delivered(a, 0, 10);
        ledger.delivered(a, 1, 20);
        ledger.delivered(b, 0, 30);
        ledger.delivered(b, 1, 99);
        FanOutLedger.Tally tally = ledger.tally(0, 2, 50);
        assertEquals(2, tally.allDelivered());
        assertEquals(1, tally.allDeliveredByEnd());
        assertEquals(3, tally.deliveriesByEnd());
    }

    @Test
    void receiptsAreCountedPerMessage() {
        FanOutLedger ledger = new FanOutLedger(10, 3);
        int a = ledger.reserve(0);
        int b = ledger.reserve(0);
        ledger.receipted(a);
        ledger.receipted(a);
        ledger.receipted(b);
        assertEquals(3, ledger.receipts(0, 2));
        assertEquals(2, ledger.receipts(0, 1));
        assertEquals(3, ledger.tally(0, 2, 0).receipts());
    }

    @Test
    void aFullLedgerRefusesMoreAndSizesByDeliveries() {
        FanOutLedger ledger = FanOutLedger.forDeliveries(10, 4);
        assertEquals(2, ledger.capacity());
        ledger.reserve(0);
        ledger.reserve(0);
        assertEquals(-1, ledger.reserve(0));
        assertEquals(2, ledger.position());
        assertFalse(ledger.known(2));
        assertFalse(ledger.known(-1));
        assertThrows(IllegalArgumentException.class, () -> ledger.delivered(0, 4, 0));
    }

    @Test
    void countsTheMessagesNoRecipientGot() {
        FanOutLedger ledger = new FanOutLedger(10, 3);
        int refused = ledger.reserve(0);
        int partial = ledger.reserve(0);
        int complete = ledger.reserve(0);
        ledger.delivered(partial, 1, 10);
        for (int r = 0; r < 3; r++) {
            ledger.delivered(complete, r, 10);
        }
        assertEquals(1, ledger.reachedNone(refused, complete + 1));
        assertEquals(0, ledger.reachedNone(partial, complete + 1));
    }
}
