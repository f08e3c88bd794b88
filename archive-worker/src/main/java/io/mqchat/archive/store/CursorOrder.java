package io.mqchat.archive.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static io.mqchat.archive.store.ArchiveDocuments.FROM;
import static io.mqchat.archive.store.ArchiveDocuments.MID;
import static io.mqchat.archive.store.ArchiveDocuments.TS;

import com.mongodb.client.model.Sorts;
import io.mqchat.protocol.Cursor;
import org.bson.conversions.Bson;

/**
 * Conversation order, (ts, from, id), as MongoDB filters and sorts over a message's fields or a stored cursor's
 * ({@code prefix} "" or e.g. "read."). The index on (conv, ts, from, mid) serves both directions.
 */
final class CursorOrder {

    private CursorOrder() {
    }

    /** The position stored under {@code prefix} lies before {@code cursor}. */
    static Bson before(String prefix, Cursor cursor) {
        // The leading bound on ts alone gives MongoDB an index range to scan; the $or settles ties within it.
        return and(lte(prefix + TS, cursor.ts()), or(lt(prefix + TS, cursor.ts()),
                and(eq(prefix + TS, cursor.ts()), lt(prefix + FROM, cursor.from())),
                and(eq(prefix + TS, cursor.ts()), eq(prefix + FROM, cursor.from()), lt(prefix + MID, cursor.id()))));
    }

    /** The position stored under {@code prefix} lies after {@code cursor}. */
    static Bson after(String prefix, Cursor cursor) {
        return and(gte(prefix + TS, cursor.ts()), or(gt(prefix + TS, cursor.ts()),
                and(eq(prefix + TS, cursor.ts()), gt(prefix + FROM, cursor.from())),
                and(eq(prefix + TS, cursor.ts()), eq(prefix + FROM, cursor.from()), gt(prefix + MID, cursor.id()))));
    }

    static Bson oldestFirst() {
        return Sorts.ascending(TS, FROM, MID);
    }

    static Bson newestFirst() {
        return Sorts.descending(TS, FROM, MID);
    }
}
