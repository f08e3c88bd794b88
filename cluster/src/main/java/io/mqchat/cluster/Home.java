package io.mqchat.cluster;

import java.util.Objects;

/**
 * Where a user lives: the node holding all of its devices' sessions, and the epoch of that claim, which grows by
 * one each time the user moves, so that a node can tell "still mine" from "mine again after someone else's".
 *
 * @param node  the home node's id
 * @param epoch how many times the user has been claimed, at least 1
 */
public record Home(String node, long epoch) {

    public Home {
        Objects.requireNonNull(node, "node");
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch starts at 1: " + epoch);
        }
    }

    String encode() {
        return node + " " + epoch;
    }

    static Home decode(String encoded) {
        int space = encoded.lastIndexOf(' ');
        if (space < 1) {
            throw new IllegalStateException("not a home record: '" + encoded + "'");
        }
        return new Home(encoded.substring(0, space), Long.parseLong(encoded.substring(space + 1)));
    }
}
