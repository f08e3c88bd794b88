package io.mqchat.terminal.conversation;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import io.mqchat.client.MqchatClient;
import io.mqchat.client.history.Cursor;
import io.mqchat.terminal.view.Console;
import io.mqchat.terminal.view.EventLines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The conversation typed lines go to, and where messages are shown. What the terminal shows of the open conversation
 * counts as read, as in a chat app with the chat on screen: the sender sees READ. While a conversation is being
 * opened, its messages that arrive wait for its history page, so that each is shown once and after what came before.
 */
public final class OpenConversation {

    private final Console console;
    private final EventLines lines;
    /** The newest message marked read in each conversation: a marker never moves back. */
    private final Map<Conversation, Cursor> marked = new ConcurrentHashMap<>();
    private final List<Message> waiting = new ArrayList<>();
    private final RecentMessages recent = new RecentMessages();
    private Conversation open;
    private Conversation opening;
    private volatile MqchatClient client;

    public OpenConversation(Console console, EventLines lines) {
        this.console = console;
        this.lines = lines;
    }

    /** The client to mark read with; messages shown before it is attached are not marked. */
    public void attach(MqchatClient client) {
        this.client = client;
    }

    public synchronized Optional<Conversation> current() {
        return Optional.ofNullable(open);
    }

    /** The newest messages shown, which /react, /edit and /delete act on. */
    public RecentMessages recent() {
        return recent;
    }

    /** Shows a message that arrived: now, or after the history page of the conversation being opened. */
    public synchronized void arrived(Message message) {
        if (message.conversation().equals(opening)) {
            waiting.add(message);
            return;
        }
        console.line(lines.message(message));
        recent.shown(message);
        if (message.conversation().equals(open)) {
            markRead(open, List.of(message));
        }
    }

    /** Starts opening {@code conversation}: what arrives in it waits for {@link #opened(List)}. */
    public synchronized void opening(Conversation conversation) {
        opening = conversation;
        waiting.clear();
    }

    /**
     * Shows the history {@code page} of the conversation being opened, then what arrived meanwhile that the page did
     * not hold, and makes it the open conversation; all of it is read.
     */
    public synchronized void opened(List<Message> page) {
        Set<List<String>> inPage = page.stream().map(OpenConversation::key).collect(Collectors.toSet());
        List<Message> shown = new ArrayList<>(page);
        waiting.stream().filter(message -> !inPage.contains(key(message))).forEach(shown::add);
        shown.forEach(message -> {
            console.line(lines.message(message));
            recent.shown(message);
        });
        open = opening;
        opening = null;
        waiting.clear();
        markRead(open, shown);
    }

    /** Ids are unique per sender only. */
    private static List<String> key(Message message) {
        return List.of(message.from(), message.id());
    }

    /** Marks the newest of {@code shown} from someone else read, unless a newer one of the conversation already is. */
    private void markRead(Conversation conversation, List<Message> shown) {
        MqchatClient reader = client;
        Optional<Message> newest = shown.stream().filter(message -> !message.sentByMe())
                .max(Comparator.comparing(Message::cursor));
        if (reader == null || conversation == null || newest.isEmpty()) {
            return;
        }
        Cursor cursor = newest.get().cursor();
        Cursor before = marked.get(conversation);
        if (before != null && before.compareTo(cursor) >= 0) {
            return;
        }
        marked.put(conversation, cursor);
        // A marker that fails is not worth a line: the next message shown marks this one read too.
        reader.markRead(conversation, newest.get().id()).exceptionally(failure -> {
            marked.remove(conversation, cursor);
            return null;
        });
    }
}
