package io.mqchat.mongodb.embedded;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's H2 backend, executing one command at a time, for authenticated connections only
 * ({@link PasswordGate}). MongoDB makes every single-document
 * update (a version-checked {@code findOneAndUpdate} above all) atomic; mongo-java-server does not guard
 * them against concurrent connections, and two group-worker clients lost an update in a test. Serializing
 * commands restores MongoDB's guarantee at the development scale the embedded store is for.
 *
 * <p>Answers are deep copies made inside the lock: the backend answers with the stored documents themselves, and
 * the wire encoder writes them after the command returned, so without copies a reader could see a document
 * half-way through another connection's update (a new version with the old members: the store lost an update
 * that way under load).
 *
 * <p>A command that may have changed data is written to the file before its answer goes out, so what the store
 * acknowledged survives a crash or {@code kill -9} of the process: left alone, H2 writes changes up to a second
 * later, and a killed server lost acknowledged writes. The file is not forced to the disk (no fsync): after a
 * power loss or an operating-system crash the store reopens at an older state and can lack the writes of the last
 * seconds that the operating system had not yet flushed to the disk.
 */
final class OneAtATimeH2Backend extends H2Backend {

    private final PasswordGate gate;

    OneAtATimeH2Backend(String fileName, PasswordGate gate) {
        super(fileName);
        this.gate = gate;
    }

    @Override
    public synchronized Document handleMessage(MongoMessage message) {
        return super.handleMessage(message).cloneDeeply();
    }

    @Override
    public synchronized Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = gate.check(channel, command, query);
        if (answer != null) {
            return answer;
        }
        try {
            return super.handleCommand(channel, database, command, query).cloneDeeply();
        } finally {
            // Also when the command failed: it may have changed data before it did.
            if (!ReadOnlyCommands.contains(command, query)) {
                writeToFile();
            }
        }
    }

    @Override
    public synchronized QueryResult handleQuery(MongoQuery query) {
        gate.requireAuthenticated(query.getChannel());
        QueryResult result = super.handleQuery(query);
        List<Document> copies = new ArrayList<>();
        for (Document document : result) {
            copies.add(document.cloneDeeply());
        }
        return new QueryResult(copies, result.getCursorId());
    }

    /**
     * Returns once every change made so far is in the file. H2's background writer may have taken this command's
     * changes before us and still be writing them; then nothing is left to commit and we wait for its queue.
     */
    private void writeToFile() {
        MVStore store = getMvStore();
        if (store.commit() < 0) {
            store.executeFilestoreOperation(() -> { });
        }
    }
}
