package io.mqchat.groups.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import io.mqchat.extension.testing.ManualClock;
import io.mqchat.groups.store.MongoGroupStore;
import io.mqchat.mongodb.MongoConnector;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import io.mqchat.privacy.MongoPrivacyStore;
import io.mqchat.privacy.PrivacyStore;
import io.mqchat.protocol.GroupEvent;
import io.mqchat.protocol.GroupRequest;
import io.mqchat.protocol.SettingsChange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admin requests against the embedded store, without MQTT. */
class GroupAdminTest {

    @TempDir
    Path dir;
    private EmbeddedMongo mongo;
    private MongoClient client;
    private GroupAdmin admin;
    private PrivacyStore privacy;
    private final ManualClock clock = new ManualClock(1_795_000_000_000L);

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.start(dir);
        client = MongoConnector.connect(mongo.connectionString());
        privacy = new MongoPrivacyStore(client.getDatabase("mqchat"));
        admin = new GroupAdmin(new MongoGroupStore(client.getDatabase("mqchat"), 256), privacy, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    private static GroupRequest stamped(String op, String group, String name, List<String> members) {
        return new GroupRequest(op, group, name, members, "ref-1", "alice", "phone", 1_795_000_000_000L);
    }

    @Test
    void aCreateDeliveredTwiceMakesOneGroupAndTheSameEvent() {
        GroupRequest create = stamped(GroupRequest.CREATE, null, "Twice", List.of("bob"));
        RequestIds ids = RequestIds.of("{\"the\":\"same forwarded bytes\"}");

        AdminOutcome first = admin.handle(create, ids);
        AdminOutcome again = admin.handle(create, ids);

        assertTrue(first.response().ok());
        assertEquals("ref-1", first.response().ref());
        assertEquals(first.response().group().id(), again.response().group().id());
        assertEquals(first.event().id(), again.event().id(), "members drop the second copy by id");
        assertEquals(GroupEvent.CREATED, again.event().event());
        assertEquals(List.of("alice", "bob"), again.recipients());
        assertEquals(1, admin.handle(stamped(GroupRequest.MINE, null, null, null), RequestIds.of("m"))
                .response().groups().size());
    }

    @Test
    void aUserWhoBlockedTheRequesterIsLeftOutOfTheGroupsItCreatesOrAddsToAndHearsNothing() {
        privacy.change("bob", SettingsChange.block("alice"), clock.millis());
        AdminOutcome created = admin.handle(stamped(GroupRequest.CREATE, null, "G", List.of("bob", "carol")),
                RequestIds.of("c"));
        assertEquals(List.of("alice", "carol"), created.response().group().members());
        assertEquals(List.of("alice", "carol"), created.recipients(), "bob is not told");
        String group = created.response().group().id();

        AdminOutcome leftOut = admin.handle(stamped(GroupRequest.ADD, group, null, List.of("bob")), RequestIds.of("a"));
        assertTrue(leftOut.response().ok(), "the answer's members show who is in");
        assertFalse(leftOut.response().group().members().contains("bob"));
        assertNull(leftOut.event());

        privacy.change("bob", SettingsChange.unblock("alice"), clock.millis());
        AdminOutcome added = admin.handle(stamped(GroupRequest.ADD, group, null, List.of("bob")), RequestIds.of("b"));
        assertEquals(List.of("bob"), added.event().members(), "once unblocked, bob can be added");
    }

    @Test
    void removedMembersHearOfTheirRemovalAndNothingChangedMeansNoEvent() {
        String group = admin.handle(stamped(GroupRequest.CREATE, null, "G", List.of("bob", "carol")),
                RequestIds.of("c")).response().group().id();

        AdminOutcome removal = admin.handle(stamped(GroupRequest.REMOVE, group, null, List.of("carol")),
                RequestIds.of("r"));
        assertEquals(List.of("carol"), removal.event().members());
        assertTrue(removal.recipients().contains("carol"));

        AdminOutcome noop = admin.handle(stamped(GroupRequest.ADD, group, null, List.of("bob")), RequestIds.of("a"));
        assertTrue(noop.response().ok());
        assertNull(noop.event());
    }

    @Test
    void anAddDeliveredAgainAfterTheMemberWasRemovedIsAnnouncedAsTheOriginalEventNotAsANewAddition() {
        String group = admin.handle(stamped(GroupRequest.CREATE, null, "G", List.of("bob")), RequestIds.of("c"))
                .response().group().id();
        GroupRequest addCarol = stamped(GroupRequest.ADD, group, null, List.of("carol"));
        RequestIds addIds = RequestIds.of("add carol");
        clock.advance(Duration.ofSeconds(1));
        GroupEvent added = admin.handle(addCarol, addIds).event();
        clock.advance(Duration.ofSeconds(1));
        GroupEvent removed = admin.handle(stamped(GroupRequest.REMOVE, group, null, List.of("carol")),
                RequestIds.of("remove carol")).event();
        clock.advance(Duration.ofSeconds(1));

        // The worker crashed before acknowledging the add: the broker hands out the very same request again.
        GroupEvent again = admin.handle(addCarol, addIds).event();

        assertEquals(added, again, "same id (members drop it) and same time (the archive keeps the removal)");
        assertTrue(again.ts() < removed.ts());
    }

    @Test
    void aRemovalByAWorkerWhoseClockIsBehindIsStillAnnouncedAfterTheAdditionItUndoes() {
        ManualClock behind = new ManualClock(clock.millis() - 5_000);
        GroupAdmin lagging = new GroupAdmin(new MongoGroupStore(client.getDatabase("mqchat"), 256), privacy, behind);
        String group = admin.handle(stamped(GroupRequest.CREATE, null, "G", List.of("bob")), RequestIds.of("c"))
                .response().group().id();
        GroupEvent added = admin.handle(stamped(GroupRequest.ADD, group, null, List.of("carol")),
                RequestIds.of("add carol")).event();

        GroupEvent removed = lagging.handle(stamped(GroupRequest.REMOVE, group, null, List.of("carol")),
                RequestIds.of("remove carol")).event();

        assertTrue(removed.ts() > added.ts(), "the archive would otherwise keep carol a member");
    }

    @Test
    void aBadRequestAndAStoreThatIsDownGetClearCodes() {
        assertEquals("bad_request", admin.badRequest(stamped("frobnicate", null, null, null), "unknown op")
                .response().code());
        assertEquals("bad_request", admin.handle(stamped("frobnicate", null, null, null), RequestIds.of("x"))
                .response().code());

        mongo.close();
        AdminOutcome down = admin.handle(stamped(GroupRequest.MINE, null, null, null), RequestIds.of("y"));
        assertFalse(down.response().ok());
        assertEquals("unavailable", down.response().code());
        mongo = mongo.startAgain();
    }
}
