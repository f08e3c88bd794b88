package io.mqchat.server.crash;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A conversation's whole history as a device pages it by docs/PROTOCOL.md: from the newest back, 200 at a time. */
final class HistoryPages {

    private HistoryPages() {
    }

    /**
     * Every message of one conversation ({@code "with":"bob"} or {@code "group":"g-1"}), newest first, repeats
     * included: a test counts them.
     */
    static List<ChatMessage> all(ChatDevice reader, String conversation) throws Exception {
        List<ChatMessage> seen = new ArrayList<>();
        String before = null;
        for (int page = 0; ; page++) {
            String ref = "h" + page + "-" + System.nanoTime();
            String request = "{\"v\":1,\"op\":\"messages\"," + conversation + ",\"limit\":200,\"ref\":\"" + ref + "\""
                    + (before == null ? "" : ",\"before\":\"" + before + "\"") + "}";
            assertTrue(reader.publish(Topics.historyRequests(), request).get(30, TimeUnit.SECONDS));
            HistoryResponse answer = awaitHistory(reader, ref);
            assertTrue(answer.ok(), answer.toString());
            seen.addAll(answer.messages());
            if (!Boolean.TRUE.equals(answer.more()) || answer.messages().isEmpty()) {
                return seen;
            }
            before = answer.prev();
        }
    }

    /** The archive's answer to request {@code ref}, skipping other answers; fails after 30 s without one. */
    static HistoryResponse awaitHistory(ChatDevice reader, String ref) throws InterruptedException {
        while (true) {
            Envelope answer = reader.nextResponse(30);
            assertNotNull(answer, "the archive answered " + ref);
            if (answer instanceof HistoryResponse history && ref.equals(history.ref())) {
                return history;
            }
        }
    }
}
