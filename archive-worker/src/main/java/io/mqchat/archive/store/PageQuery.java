package io.mqchat.archive.store;

import io.mqchat.protocol.Cursor;
import java.util.Objects;

/**
 * Which page of a conversation to read. Without cursors: the newest {@code limit} messages; with {@code before}:
 * the {@code limit} messages just older than it; with {@code after}: the {@code limit} messages just newer.
 *
 * @param conversation the conversation
 * @param before       page older than this position, or null
 * @param after        page newer than this position, or null
 * @param limit        most messages, at least 1
 * @param notBefore    the oldest server time the reader may see (the start of its group membership; 0 for 1-1)
 * @param reader       who reads: the messages hidden from it (sent while it blocked their sender) are left out; null
 *                     for none
 */
public record PageQuery(ConversationKey conversation, Cursor before, Cursor after, int limit, long notBefore,
                        String reader) {

    public PageQuery {
        Objects.requireNonNull(conversation, "conversation");
        if (before != null && after != null) {
            throw new IllegalArgumentException("at most one of before and after");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** True when paging towards newer messages. */
    public boolean forward() {
        return after != null;
    }
}
