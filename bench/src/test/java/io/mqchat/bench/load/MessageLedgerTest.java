package io.mqchat.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageLedgerTest {

    @Test
    void countsLostDuplicatesAndLatencies() {
        MessageLedger ledger = new MessageLedger(10);
        int a = ledger.reserve(0, 1_000);
        int b = ledger.reserve(1, 2_000);
        int c = ledger.reserve(0, 3_000);
        assertTrue(ledger.delivered(a, 5_000));
        assertFalse(ledger.delivered(a, 9_000));
        assertTrue(ledger.delivered(b, 2_500));
        assertTrue(ledger.receipted(a, 6_000));
        MessageLedger.Tally tally = ledger.tally(0, ledger.position());
        assertEquals(3, tally.sent());
        assertEquals(2, tally.delivered());
        assertEquals(1, tally.lost());
        assertEquals(1, tally.duplicateDeliveries());
        assertEquals(1, tally.receipted());
        assertEquals(4_000, tally.deliveryLatencyNanos()[0]);
        assertEquals(500, tally.deliveryLatencyNanos()[1]);
        assertEquals(5_000, tally.receiptLatencyNanos()[0]);
        assertEquals(1, ledger.senderOf(b));
        assertEquals(2, ledger.completed(0, 3, false));
        assertEquals(1, ledger.completed(0, 3, true));
        assertEquals(1, ledger.completedBy(0, 3, 3_000, false));
        assertEquals(5_000, ledger.latestDelivery(0, 3));
        assertEquals(Long.MIN_VALUE, ledger.latestDelivery(c, c + 1));
    }

    @Test
    void aTallyCanCountOnePopulationOfSenders() {
        MessageLedger ledger = new MessageLedger(10);
        int a = ledger.reserve(0, 1_000);
        int b = ledger.reserve(1, 2_000);
        int c = ledger.reserve(2, 3_000);
        ledger.delivered(a, 1_500);
        ledger.delivered(b, 2_900);
        ledger.delivered(c, 3_100);
        ledger.receipted(b, 4_000);
        MessageLedger.Tally odd = ledger.tally(0, 3, sender -> sender % 2 == 1);
        assertEquals(1, odd.sent());
        assertEquals(1, odd.delivered());
        assertEquals(900, odd.deliveryLatencyNanos()[0]);
        assertEquals(2_000, odd.receiptLatencyNanos()[0]);
        MessageLedger.Tally even = ledger.tally(0, 3, sender -> sender % 2 == 0);
        assertEquals(2, even.sent());
        assertEquals(0, even.receipted());
        assertEquals(500, even.deliveryLatencyNanos()[0]);
        assertEquals(100, even.deliveryLatencyNanos()[1]);
    }

    @Test
    void aFullLedgerRefusesMore() {
        MessageLedger ledger = new MessageLedger(2);
        ledger.reserve(0, 1);
        ledger.reserve(0, 2);
        assertEquals(-1, ledger.reserve(0, 3));
        assertEquals(2, ledger.position());
        assertFalse(ledger.known(2));
        assertFalse(ledger.known(-1));
    }
}
