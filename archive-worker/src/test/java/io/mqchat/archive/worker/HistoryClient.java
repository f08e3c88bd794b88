package io.mqchat.archive.worker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.HistoryRequest;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * What an app does to sync history, in plain MQTT: publish a request to {@code req/history} with a {@code ref},
 * take the answer with that {@code ref} from {@code u/{me}/responses}, and page on with the answer's cursors.
 */
final class HistoryClient {

    private final MqttDevice device;
    private final String user;

    HistoryClient(MqttDevice device, String user) {
        this.device = device;
        this.user = user;
    }

    /** Sends {@code json} (a request without {@code ref}) and returns the answer. */
    HistoryResponse ask(String json) {
        String ref = ArchiveHarness.newRef();
        device.publish(Topics.historyRequests(), json.replaceFirst("\\{", "{\"ref\":\"" + ref + "\","));
        return ArchiveHarness.await(device, Topics.responses(user), HistoryResponse.class, r -> ref.equals(r.ref()));
    }

    /** {@code "with":"peer"} or {@code "group":"g-1"}, for the requests below. */
    static String with(String peer) {
        return "\"with\":\"" + peer + "\"";
    }

    static String group(String group) {
        return "\"group\":\"" + group + "\"";
    }

    /** Every message of a conversation, paging from the newest back to the oldest; returned oldest first. */
    List<ChatMessage> pageBackwards(String conversation, int limit) {
        List<ChatMessage> all = new ArrayList<>();
        String before = null;
        while (true) {
            HistoryResponse page = ask("{\"v\":1,\"op\":\"messages\"," + conversation + ",\"limit\":" + limit
                    + (before == null ? "" : ",\"before\":\"" + before + "\"") + "}");
            assertTrue(page.ok(), page::toString);
            all.addAll(0, page.messages());
            if (!page.more()) {
                return all;
            }
            before = page.prev();
        }
    }

    /** Every message of a conversation after {@code after} (a cursor), paging forwards; oldest first. */
    List<ChatMessage> pageForwards(String conversation, String after, int limit) {
        List<ChatMessage> all = new ArrayList<>();
        String cursor = after;
        while (true) {
            HistoryResponse page = ask("{\"v\":1,\"op\":\"messages\"," + conversation + ",\"limit\":" + limit
                    + ",\"after\":\"" + cursor + "\"}");
            assertTrue(page.ok(), page::toString);
            all.addAll(page.messages());
            if (!page.more()) {
                return all;
            }
            cursor = page.next();
        }
    }

    /** Pages backwards until {@code count} messages are archived (the feed is asynchronous) or 60 s passed. */
    List<ChatMessage> awaitArchived(String conversation, int count) {
        long deadline = System.currentTimeMillis() + 60_000;
        List<ChatMessage> all = pageBackwards(conversation, HistoryRequest.MAX_LIMIT);
        while (all.size() < count && System.currentTimeMillis() < deadline) {
            sleep(200);
            all = pageBackwards(conversation, HistoryRequest.MAX_LIMIT);
        }
        return all;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
