package io.mqchat.groups.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.pushEach;
import static com.mongodb.client.model.Updates.set;
import static io.mqchat.groups.store.GroupDocuments.ADMINS;
import static io.mqchat.groups.store.GroupDocuments.APPLIED;
import static io.mqchat.groups.store.GroupDocuments.CREATED;
import static io.mqchat.groups.store.GroupDocuments.ID;
import static io.mqchat.groups.store.GroupDocuments.MEMBERS;
import static io.mqchat.groups.store.GroupDocuments.NAME;
import static io.mqchat.groups.store.GroupDocuments.VERSION;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups in MongoDB: collection {@value #COLLECTION}, one document per group with {@code _id} = group id (the
 * shard key on a sharded cluster, so every change is a single-shard, single-document write).
 *
 * <p>A change reads the group, applies {@link MembershipRules} to that snapshot, and writes the result with a
 * {@code findOneAndUpdate} whose filter requires the snapshot's {@code version}. A concurrent change by another
 * worker makes the filter miss, and the change is re-read and re-decided: no multi-document transaction is
 * needed (the embedded store has none), the member limit and admin checks hold atomically, and no update is
 * lost. "My groups" queries the multikey index on {@code members} (a scatter-gather query on a sharded cluster,
 * which is fine for a per-user listing off the message path).
 */
public final class MongoGroupStore implements GroupStore {

    /** The collection name. */
    public static final String COLLECTION = "groups";

    private static final Logger LOG = LoggerFactory.getLogger(MongoGroupStore.class);
    private static final int MAX_ATTEMPTS = 100;
    /** Enough to recognise a redelivered request: redeliveries come within seconds, not dozens of changes later. */
    private static final int APPLIED_KEPT = 32;

    private final MongoCollection<Document> groups;
    private final MembershipRules rules;
    private volatile boolean indexed;

    /**
     * @param database   the database holding the groups collection
     * @param maxMembers the member limit of every group
     */
    public MongoGroupStore(MongoDatabase database, int maxMembers) {
        // Majority: a membership change acknowledged to a user must survive a replica-set failover.
        this.groups = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY);
        this.rules = new MembershipRules(maxMembers);
    }

    /** Creates the indexes if they are missing; safe to call again. */
    public void ensureIndexes() {
        call(() -> groups.createIndex(Indexes.ascending(MEMBERS, CREATED)));
        indexed = true;
    }

    @Override
    public ChangeResult create(String groupId, String name, String creator, List<String> members, long now,
                               String requestId) {
        List<String> initial = rules.initialMembers(creator, members);
        if (initial == null) {
            return new ChangeResult.Refused(Refusal.LIMIT_REACHED,
                    "a group may have at most " + rules.maxMembers() + " members");
        }
        ensureIndexedOnce();
        Group group = new Group(groupId, name, List.of(creator), initial, now, 1);
        try {
            groups.insertOne(GroupDocuments.newGroup(group, requestId));
            return new ChangeResult.Changed(group, initial, now, false);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw new StoreUnavailableException("MongoDB: " + e.getMessage(), e);
            }
        } catch (MongoException e) {
            throw new StoreUnavailableException("MongoDB: " + e.getMessage(), e);
        }
        // The id is derived from the request, so a clash is this very request delivered again.
        Document existing = call(() -> groups.find(eq(ID, groupId)).first());
        return Optional.ofNullable(existing)
                .flatMap(doc -> GroupDocuments.replayOf(doc, requestId, GroupDocuments.group(doc).created()))
                .orElseThrow(() -> new IllegalStateException("group id " + groupId + " is taken by another group"));
    }

    @Override
    public ChangeResult add(String groupId, String by, List<String> users, long now, String requestId) {
        return change(groupId, now, requestId, group -> rules.add(group, by, users));
    }

    @Override
    public ChangeResult remove(String groupId, String by, List<String> users, long now, String requestId) {
        return change(groupId, now, requestId, group -> rules.remove(group, by, users));
    }

    @Override
    public ChangeResult leave(String groupId, String user, long now, String requestId) {
        return change(groupId, now, requestId, group -> rules.leave(group, user));
    }

    @Override
    public ChangeResult rename(String groupId, String by, String name, long now, String requestId) {
        return change(groupId, now, requestId, group -> rules.rename(group, by, name));
    }

    @Override
    public Optional<Group> find(String groupId) {
        return Optional.ofNullable(call(() -> groups.find(eq(ID, groupId)).first())).map(GroupDocuments::group);
    }

    @Override
    public List<Group> groupsOf(String user) {
        ensureIndexedOnce();
        return call(() -> groups.find(eq(MEMBERS, user)).sort(Sorts.ascending(CREATED))
                .map(GroupDocuments::group).into(new ArrayList<>()));
    }

    private ChangeResult change(String groupId, long now, String requestId, Function<Group, Step> rule) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document doc = call(() -> groups.find(eq(ID, groupId)).first());
            if (doc == null) {
                return new ChangeResult.Refused(Refusal.UNKNOWN_GROUP, "no group " + groupId);
            }
            Optional<ChangeResult.Changed> earlier = GroupDocuments.replayOf(doc, requestId, now);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            Group current = GroupDocuments.group(doc);
            Step step = rule.apply(current);
            if (step.refused() != null) {
                return step.refused();
            }
            if (step.next().equals(current)) {
                return new ChangeResult.Changed(current, List.of(), now, false);
            }
            // The archive orders a member's joins and removals by their time: a worker whose clock is behind must
            // not time a removal before the addition it undoes.
            long at = Math.max(now, GroupDocuments.lastChange(doc) + 1);
            Document after = call(() -> groups.findOneAndUpdate(
                    and(eq(ID, groupId), eq(VERSION, current.version())),
                    writeOf(step, requestId, at),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
            if (after != null) {
                return new ChangeResult.Changed(GroupDocuments.group(after), step.affected(), at, false);
            }
            backOff(attempt);
        }
        throw new StoreUnavailableException("group " + groupId + " kept changing under " + MAX_ATTEMPTS
                + " attempts to change it", null);
    }

    private static Bson writeOf(Step step, String requestId, long at) {
        Group next = step.next();
        return combine(set(NAME, next.name()), set(ADMINS, next.admins()), set(MEMBERS, next.members()),
                inc(VERSION, 1L),
                pushEach(APPLIED, List.of(GroupDocuments.applied(requestId, step.affected(), at)),
                        new PushOptions().slice(-APPLIED_KEPT)));
    }

    private void ensureIndexedOnce() {
        if (!indexed) {
            try {
                ensureIndexes();
            } catch (StoreUnavailableException e) {
                LOG.warn("could not create the groups indexes yet, will retry: {}", e.getMessage());
            }
        }
    }

    private static void backOff(int attempt) {
        // A random pause so that two workers that collided do not collide again in lockstep.
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1 + Math.min(attempt, 20)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted", e);
        }
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw new StoreUnavailableException("MongoDB: " + e.getMessage(), e);
        }
    }
}
