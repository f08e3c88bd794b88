package io.mqchat.media.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A small real {@link MediaAccess} for tests, standing in for the archive: one document per message that carried an
 * image, with the members of its conversation and, for a disappearing message, when it expires.
 */
public final class ConversationShares implements MediaAccess {

    private final MongoCollection<Document> shares;
    private final Clock clock;
    private volatile boolean down;

    public ConversationShares(MongoDatabase database, Clock clock) {
        this.shares = database.getCollection("test_shares");
        this.clock = clock;
    }

    /** A permanent message carrying {@code mediaId} was sent in a conversation of {@code members}. */
    public void share(String mediaId, List<String> members) {
        shares.insertOne(new Document("media", mediaId).append("members", members));
    }

    /** A disappearing message carrying {@code mediaId}, gone at {@code expiresAt}. */
    public void shareUntil(String mediaId, List<String> members, Instant expiresAt) {
        shares.insertOne(new Document("media", mediaId).append("members", members)
                .append("expiresAt", Date.from(expiresAt)));
    }

    /** From now on every question fails, as an archive whose database is down. */
    public void goDown() {
        down = true;
    }

    @Override
    public boolean mayRead(String user, String mediaId) {
        failIfDown();
        return shares.countDocuments(Filters.and(unexpired(mediaId), Filters.eq("members", user))) > 0;
    }

    @Override
    public boolean isReferenced(String mediaId) {
        failIfDown();
        return shares.countDocuments(unexpired(mediaId)) > 0;
    }

    private void failIfDown() {
        if (down) {
            throw new IllegalStateException("the archive is down");
        }
    }

    private Bson unexpired(String mediaId) {
        return Filters.and(Filters.eq("media", mediaId), Filters.or(Filters.exists("expiresAt", false),
                Filters.gt("expiresAt", Date.from(clock.instant()))));
    }
}
