package io.mqchat.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

/**
 * The benchmark's chat payloads: the mqchat envelope with an id {@code m<seq>} that leads back to the
 * ledger entry. Bare brokers carry the very same bytes, so every broker moves the same payload size.
 */
public final class Payloads {

    /**
     * A realistic chat line: 88 characters, about the length of a typical mobile chat message, and far
     * longer than the median, so this errs towards more bytes than real traffic.
     */
    public static final String DEFAULT_BODY =
            "Running ten minutes late, the train is stuck outside the station. Save me a seat please!";

    private static final byte[] ID_KEY = "\"id\":\"m".getBytes(StandardCharsets.US_ASCII);

    private Payloads() {
    }

    /** The text message with ledger sequence {@code seq}. */
    public static byte[] text(int seq, String body) {
        return ("{\"v\":1,\"type\":\"text\",\"id\":\"m" + seq + "\",\"body\":\"" + body + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The DELIVERED receipt a recipient app publishes for message {@code seq} on a bare broker: the fields mqchat's
     * broker writes, with a fixed 13-digit {@code ts} (the size of a real one; nothing reads it).
     */
    public static byte[] receipt(int seq, String by) {
        return ("{\"v\":1,\"type\":\"delivered\",\"id\":\"m" + seq + "\",\"by\":\"" + by + "\",\"peer\":\"" + by
                + "\",\"device\":\"d\",\"ts\":1795000000000}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The ledger sequence named by a payload's {@code "id":"m<seq>"}, or -1. A byte scan rather than a JSON
     * parse: the load generator shares two cores with the broker it measures, so it must stay cheap.
     */
    public static int sequenceOf(byte[] payload) {
        return sequenceAt(payload, indexOf(payload, ID_KEY, 0));
    }

    /**
     * Every ledger sequence a payload names, in order: one for a receipt, several for a batch of receipts (the server
     * batches a busy sender's receipts).
     */
    public static void sequencesOf(byte[] payload, IntConsumer each) {
        for (int at = indexOf(payload, ID_KEY, 0); at >= 0; at = indexOf(payload, ID_KEY, at + ID_KEY.length)) {
            each.accept(sequenceAt(payload, at));
        }
    }

    private static int sequenceAt(byte[] payload, int at) {
        if (at < 0) {
            return -1;
        }
        long value = 0;
        int i = at + ID_KEY.length;
        int start = i;
        while (i < payload.length && payload[i] >= '0' && payload[i] <= '9' && i - start < 10) {
            value = value * 10 + (payload[i] - '0');
            i++;
        }
        if (i == start || i >= payload.length || payload[i] != '"' || value > Integer.MAX_VALUE) {
            return -1;
        }
        return (int) value;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
