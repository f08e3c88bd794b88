package io.mqchat.privacy;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import io.mqchat.protocol.SettingsChange;
import io.mqchat.protocol.UserSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link PrivacyStore} in MongoDB: one document per user who changed a setting in {@value #COLLECTION},
 * {@code {_id: user, readReceipts?, blocked?: [user, …], updated}}. The limit on blocked users is checked before the
 * update, so two blocks at once may pass it by one: it bounds memory, it is no quota.
 */
public final class MongoPrivacyStore implements PrivacyStore {

    /** The collection; named for the archive, which kept the first of these settings. */
    public static final String COLLECTION = "archive_settings";

    private static final String ID = "_id";
    private static final String READ_RECEIPTS = "readReceipts";
    private static final String BLOCKED = "blocked";
    private static final String UPDATED = "updated";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> settings;

    public MongoPrivacyStore(MongoDatabase database) {
        this.settings = database.getCollection(COLLECTION);
    }

    @Override
    public UserSettings settings(String user) {
        Document stored = call(() -> settings.find(eq(ID, user)).first());
        if (stored == null) {
            return UserSettings.DEFAULTS;
        }
        return new UserSettings(!Boolean.FALSE.equals(stored.getBoolean(READ_RECEIPTS)),
                stored.getList(BLOCKED, String.class, List.of()));
    }

    @Override
    public UserSettings change(String user, SettingsChange change, long now) {
        List<Bson> updates = new ArrayList<>();
        if (change.readReceipts() != null) {
            updates.add(set(READ_RECEIPTS, change.readReceipts()));
        }
        if (change.block() != null) {
            UserSettings current = settings(user);
            if (!current.blocks(change.block()) && current.blocked().size() >= UserSettings.MAX_BLOCKED) {
                throw new TooManyBlockedException();
            }
            updates.add(addToSet(BLOCKED, change.block()));
        }
        if (change.unblock() != null) {
            updates.add(pull(BLOCKED, change.unblock()));
        }
        if (!updates.isEmpty()) {
            updates.add(max(UPDATED, now));
            call(() -> settings.updateOne(eq(ID, user), combine(updates), UPSERT));
        }
        return settings(user);
    }

    @Override
    public Set<String> blockedBy(String user, Collection<String> users) {
        Set<String> blockers = new HashSet<>();
        if (!users.isEmpty()) {
            call(() -> settings.find(and(in(ID, users), eq(BLOCKED, user))).projection(new Document(ID, 1))
                    .into(new ArrayList<>())).forEach(doc -> blockers.add(doc.getString(ID)));
        }
        return blockers;
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw new PrivacyUnavailableException("privacy settings unavailable: " + e.getMessage(), e);
        }
    }
}
