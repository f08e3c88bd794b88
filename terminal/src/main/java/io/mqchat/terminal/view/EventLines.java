package io.mqchat.terminal.view;

import io.mqchat.client.Conversation;
import io.mqchat.client.DeliveryReceipt;
import io.mqchat.client.ExpiredMessage;
import io.mqchat.client.Message;
import io.mqchat.client.MessageChanged;
import io.mqchat.client.ReadReceipt;
import io.mqchat.client.SentMessage;
import io.mqchat.client.ServerError;
import io.mqchat.client.groups.Group;
import io.mqchat.client.groups.GroupEvent;
import io.mqchat.client.history.ConversationInfo;
import io.mqchat.client.presence.PresenceState;
import io.mqchat.client.typing.TypingSignal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The line for each event, in the format docs/TERMINAL.md documents (scripts read it: change it only with the
 * document). Everything that others chose (names, texts) passes through {@link SafeText}.
 */
public final class EventLines {

    private final MessageLabels labels;
    private final Times times;

    public EventLines(MessageLabels labels, Times times) {
        this.labels = labels;
        this.times = times;
    }

    /** {@code [bob] hello}, {@code [me → bob] hello} (from another device of mine), {@code [g:<id> bob] hello}. */
    public String message(Message message) {
        String who = message.sentByMe() ? "me" : SafeText.of(message.from());
        String where;
        if (message.conversation().isGroup()) {
            where = ConversationNames.of(message.conversation()) + " " + who;
        } else {
            where = message.sentByMe() ? "me → " + SafeText.of(message.to()) : who;
        }
        return "[" + where + "] " + body(message);
    }

    private static String body(Message message) {
        if (message.deleted()) {
            return "(deleted)";
        }
        String edited = message.edited().isPresent() ? " (edited)" : "";
        String reactions = message.reactions().isEmpty() ? "" : " " + SafeText.of(String.join(" ",
                message.reactions().values()));
        return content(message) + edited + reactions;
    }

    private static String content(Message message) {
        if (message.isTimerChange()) {
            return message.timer().isZero() ? "turned disappearing messages off"
                    : "set disappearing messages to " + Times.timer(message.timer());
        }
        if (message.isImage()) {
            String image = "(image " + message.image().width() + "x" + message.image().height() + ")";
            return message.text() == null ? image : image + " " + SafeText.of(message.text());
        }
        return SafeText.of(message.text());
    }

    /** {@code ✓ sent m1 (bob)}: the server has it. */
    public String sent(SentMessage sent) {
        return "✓ sent " + labels.of(sent.id()) + " (" + ConversationNames.of(sent.conversation()) + ")";
    }

    /** {@code ✓✓ delivered m1 (bob)}, {@code (bob in g:<id>)}: one line per receiving device. */
    public String delivered(DeliveryReceipt receipt) {
        return "✓✓ delivered " + labels.of(receipt.messageId()) + " (" + who(receipt.by(), receipt.conversation()) + ")";
    }

    /** {@code read up to m1 (bob)}, or {@code (me)} when this user read on another device. */
    public String read(ReadReceipt receipt) {
        String by = receipt.byMe() ? "me" : receipt.by();
        return "read up to " + labels.of(receipt.upToMessageId()) + " (" + who(by, receipt.conversation()) + ")";
    }

    /**
     * {@code * bob reacted 👍 to m3}, {@code * bob took back the reaction to m3}, {@code * bob edited m3: new text},
     * {@code * bob deleted m3}; {@code me} for this user, {@code bob in g:<id>} in a group.
     */
    public String changed(MessageChanged change) {
        String who = who(change.byMe() ? "me" : change.by(), change.conversation());
        String message = labels.of(change.messageId());
        return "* " + who + switch (change.kind()) {
            case EDITED -> " edited " + message + ": " + SafeText.of(change.text());
            case DELETED -> " deleted " + message;
            case REACTED -> change.removesReaction() ? " took back the reaction to " + message
                    : " reacted " + SafeText.of(change.emoji()) + " to " + message;
        };
    }

    private static String who(String user, Conversation conversation) {
        String name = SafeText.of(user);
        return conversation.isGroup() ? name + " in " + ConversationNames.of(conversation) : name;
    }

    /** {@code bob is typing…}, {@code bob stopped typing}, with {@code in g:<id>} in a group. */
    public String typing(TypingSignal signal) {
        String where = signal.conversation().isGroup() ? " in " + ConversationNames.of(signal.conversation()) : "";
        return SafeText.of(signal.from()) + (signal.isTyping() ? " is typing…" : " stopped typing") + where;
    }

    /** {@code bob is online}, {@code bob last seen 12:03}, {@code bob is offline}, {@code bob hides presence}. */
    public String presence(PresenceState state) {
        String user = SafeText.of(state.user());
        if (state.hidden()) {
            return user + " hides presence";
        }
        if (state.online()) {
            return user + " is online";
        }
        return state.lastSeen().map(seen -> user + " last seen " + times.at(seen)).orElse(user + " is offline");
    }

    /** {@code g:<id> "Trip": bob added carol}, and likewise created, removed, left, renamed. */
    public String groupEvent(GroupEvent event) {
        String by = SafeText.of(event.by());
        String members = names(event.members());
        String what = switch (event.kind()) {
            case CREATED -> by + " created it with " + members;
            case ADDED -> by + " added " + members;
            case REMOVED -> by + " removed " + members;
            case LEFT -> members + " left";
            case RENAMED -> by + " renamed it";
        };
        return group(event.group(), event.name()) + ": " + what;
    }

    /** {@code g:<id> "Trip": alice, bob}: a group as a command answers it. */
    public String group(Group group) {
        return group(group.id(), group.name()) + ": " + names(group.members());
    }

    private static String group(String id, String name) {
        return ConversationNames.of(Conversation.group(id)) + " \"" + quoted(SafeText.of(name)) + "\"";
    }

    /** A name between double quotes: a quote of its own would end it early and let the rest pose as the line's. */
    private static String quoted(String name) {
        return name.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String names(List<String> users) {
        return users.stream().map(SafeText::of).collect(Collectors.joining(", "));
    }

    /** {@code bob  unread=2  timer=off  last=[bob] hello}: one line of /list. */
    public String conversation(ConversationInfo info) {
        String last = info.lastMessage() == null ? "" : message(info.lastMessage());
        return ConversationNames.of(info.conversation()) + "  unread=" + info.unread()
                + "  timer=" + Times.timer(info.disappearing()) + "  last=" + last;
    }

    /** {@code ! error not_member: ... (m3)}: the server refused something this user did. */
    public String error(ServerError error) {
        String ref = error.ref() == null ? "" : " (" + labels.of(error.ref()) + ")";
        return "! error " + SafeText.of(error.wireCode()) + ": " + SafeText.of(error.message()) + ref;
    }

    /** {@code expired m4 (bob)}: a disappearing message's time is up. */
    public String expired(ExpiredMessage expired) {
        return "expired " + labels.of(expired.id()) + " (" + ConversationNames.of(expired.conversation()) + ")";
    }
}
