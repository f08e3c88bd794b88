package io.mqchat.cluster;

import java.util.Objects;
import java.util.Optional;

/** What came of a node's attempt to become a user's home. */
public sealed interface Claim {

    /**
     * The caller is the user's home.
     *
     * @param home     the claim, with its epoch
     * @param previous the node that was the home before, when it was another one: the caller's own sessions of
     *                 this user predate that node's time and are stale
     */
    record Granted(Home home, Optional<String> previous) implements Claim {
        public Granted {
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(previous, "previous");
        }

        /** True when the user was homed elsewhere until now. */
        public boolean moved() {
            return previous.isPresent();
        }
    }

    /**
     * Another live node is the user's home and the caller did not take it over.
     *
     * @param home  the current claim
     * @param owner the home node, with its addresses for a redirect
     */
    record HomedElsewhere(Home home, NodeInfo owner) implements Claim {
        public HomedElsewhere {
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(owner, "owner");
        }
    }
}
