package io.mqchat.mongodb.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The wire commands that never change stored data, so the embedded store answers them without writing its file.
 * Any other command counts as a write: a command this list does not know costs a file write, never a lost one.
 */
final class ReadOnlyCommands {

    private static final Set<String> NAMES = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "dbstats", "collstats", "validate", "explain", "killcursors",
            "endsessions", "ping", "hello", "ismaster", "buildinfo", "serverstatus", "whatsmyuri", "getlasterror",
            "connectionstatus", "hostinfo", "getcmdlineopts", "getfreemonitoringstatus", "replsetgetstatus",
            "getlog", "getparameter");

    private ReadOnlyCommands() {
    }

    static boolean contains(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return !writesItsResult(query.get("pipeline"));
        }
        return NAMES.contains(name);
    }

    /** {@code $out} and {@code $merge} store the pipeline's result; countDocuments and change streams do not. */
    private static boolean writesItsResult(Object pipeline) {
        if (!(pipeline instanceof List<?> stages)) {
            return true;
        }
        return stages.stream().anyMatch(stage -> !(stage instanceof Document document)
                || document.containsKey("$out") || document.containsKey("$merge"));
    }
}
