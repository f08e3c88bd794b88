package io.mqchat.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    @Test
    void sequenceSurvivesTheRoundTrip() {
        assertEquals(123456, Payloads.sequenceOf(Payloads.text(123456, Payloads.DEFAULT_BODY)));
    }

    @Test
    void readsTheIdOfRoutedMessagesAndReceipts() {
        byte[] routed = "{\"v\":1,\"type\":\"text\",\"id\":\"m42\",\"from\":\"a0\",\"to\":\"b0\",\"ts\":1,\"body\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] receipt = "{\"v\":1,\"type\":\"delivered\",\"id\":\"m7\",\"by\":\"b0\",\"device\":\"d\",\"ts\":2}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(42, Payloads.sequenceOf(routed));
        assertEquals(7, Payloads.sequenceOf(receipt));
    }

    @Test
    void foreignIdsAreMinusOne() {
        assertEquals(-1, Payloads.sequenceOf("{\"id\":\"x42\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, Payloads.sequenceOf("{\"id\":\"m\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, Payloads.sequenceOf("{\"id\":\"m12".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, Payloads.sequenceOf("{\"id\":\"m99999999999\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, Payloads.sequenceOf(new byte[0]));
    }

    @Test
    void readsEveryIdOfABatchOfReceipts() {
        byte[] batch = ("{\"v\":1,\"type\":\"batch\",\"items\":["
                + "{\"v\":1,\"type\":\"delivered\",\"id\":\"m7\",\"by\":\"b0\",\"ts\":2},"
                + "{\"v\":1,\"type\":\"delivered\",\"id\":\"m9\",\"by\":\"b0\",\"ts\":3}]}")
                .getBytes(StandardCharsets.UTF_8);
        List<Integer> seen = new ArrayList<>();
        Payloads.sequencesOf(batch, seen::add);
        assertEquals(List.of(7, 9), seen);
    }

    @Test
    void anAppReceiptNamesItsMessageLikeTheBrokersReceipt() {
        byte[] receipt = Payloads.receipt(31, "b0");
        assertEquals(31, Payloads.sequenceOf(receipt));
        assertEquals("{\"v\":1,\"type\":\"delivered\",\"id\":\"m31\",\"by\":\"b0\",\"peer\":\"b0\",\"device\":\"d\",\"ts\":1795000000000}",
                new String(receipt, StandardCharsets.UTF_8));
    }
}
