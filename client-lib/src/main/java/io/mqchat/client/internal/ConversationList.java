package io.mqchat.client.internal;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import io.mqchat.client.history.ConversationInfo;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.HistoryResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The app's view of the archive's conversation list; its timers teach {@link DisappearingTimers}. */
public final class ConversationList {

    private ConversationList() {
    }

    /** The conversations of {@code answer}, newest change first, without a last message that has expired. */
    public static List<ConversationInfo> of(HistoryResponse answer, String me, Clock clock, DisappearingTimers timers) {
        List<ConversationInfo> list = new ArrayList<>();
        if (answer.conversations() == null) {
            return list;
        }
        for (ConversationSummary summary : answer.conversations()) {
            Conversation conversation = CatchUpPlan.conversationOf(summary);
            if (conversation == null) {
                continue;
            }
            timers.learnFromSummary(conversation, summary.timer(), summary.updated());
            ChatMessage last = summary.last();
            Message lastMessage = last == null || last.expiredAt(clock.millis())
                    ? null : Messages.toMessage(me, last, Message.Origin.HISTORY, clock.instant());
            list.add(new ConversationInfo(conversation, lastMessage, summary.unread(),
                    Duration.ofSeconds(summary.timer()), Messages.toCursor(summary.read()),
                    Messages.toCursor(summary.peerRead()), Instant.ofEpochMilli(summary.updated())));
        }
        list.sort(Comparator.comparing(ConversationInfo::updated).reversed());
        return List.copyOf(list);
    }
}
