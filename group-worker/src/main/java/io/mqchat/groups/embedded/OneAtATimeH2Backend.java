package io.mqchat.groups.embedded;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * The embedded store's H2 backend, executing one command at a time. MongoDB makes every single-document
 * update (a version-checked {@code findOneAndUpdate} above all) atomic; mongo-java-server does not guard
 * them against concurrent connections, and two group-worker clients lost an update in a test. Serializing
 * commands restores MongoDB's guarantee at the development scale the embedded store is for.
 */
final class OneAtATimeH2Backend extends H2Backend {

    OneAtATimeH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public synchronized Document handleMessage(MongoMessage message) {
        return super.handleMessage(message);
    }

    @Override
    public synchronized Document handleCommand(Channel channel, String database, String command, Document query) {
        return super.handleCommand(channel, database, command, query);
    }

    @Override
    public synchronized QueryResult handleQuery(MongoQuery query) {
        return super.handleQuery(query);
    }
}
